/** The one ordered registry of commands, in --help order; the first is the default (`threadsift FILE...` scans). */
import type { Command } from 'commander';
import { clustersCommand } from './clusters.js';
import { evalCommand } from './eval.js';
import { indexCommand } from './index-cmd.js';
import { parseCommand } from './parse.js';
import { scanCommand } from './scan.js';
import { sketchCommand } from './sketch.js';
import { trainCommand } from './train.js';
import type { CliIO } from './io.js';
import type { Run } from './options.js';

/** Makes a command: `io` is the process its action uses, `run` wraps the action (errors to one line, the exit code kept). */
export type CommandMaker = (io: CliIO, run: Run) => Command;

export const COMMANDS: readonly CommandMaker[] = [scanCommand, parseCommand, clustersCommand, evalCommand, trainCommand, indexCommand, sketchCommand];
