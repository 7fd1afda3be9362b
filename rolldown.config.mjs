// The command runs one bundled file: loading ~75 separate ES modules took ~60 ms of every start-up.
// CommonJS, loaded by bin/threadsift.cjs with require: Node then starts no ES module loader at all
// (~20 ms less than importing an ES module bundle). dist/ (tsc's output, ES modules) stays as it is:
// tests, the corpus worker and library users import from it.
export default {
  input: 'dist/cli.js',
  platform: 'node',
  output: { file: 'dist/threadsift.cjs', format: 'cjs' },
};
