/** The layers of src/ are enforced by lint (LAYERS in eslint.config.js): a lower layer importing a higher one fails. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';
// @ts-expect-error the lint configuration is plain JavaScript, without types
import { LAYERS } from '../eslint.config.js';

const eslint = new ESLint({ cwd: ROOT });

/** What lint says of `code` as if it were the file `path` (relative to the project root). */
async function lint(path: string, code: string): Promise<Array<{ ruleId: string | null; message: string }>> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return result!.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

const LAYER_RULE = '@typescript-eslint/no-restricted-imports';

describe('layers', () => {
  it('fails a lower layer that imports a higher one', async () => {
    const messages = await lint('src/text/x.ts', "import { promoSignal } from '../signals/promo.js';\nexport const x = promoSignal;\n");
    expect(messages).toEqual([{ ruleId: LAYER_RULE, message: expect.stringContaining('text may not import signals') }]);
  });

  it('passes an import from a lower layer', async () => {
    expect(await lint('src/text/x.ts', "import { STOPWORDS } from '../data/stopwords.js';\nexport const x = STOPWORDS;\n")).toEqual([]);
  });

  it('fails an import between groups of one tier, and from a nested folder', async () => {
    const sideways = await lint('src/corpus/x.ts', "import { measure } from '../detector/features.js';\nexport const x = measure;\n");
    expect(sideways).toEqual([{ ruleId: LAYER_RULE, message: expect.stringContaining('corpus may not import detector') }]);
    const nested = await lint('src/reporters/html/x.ts', "import { loadModel } from '../../model/model.js';\nexport const x = loadModel;\n");
    expect(nested).toEqual([{ ruleId: LAYER_RULE, message: expect.stringContaining('reporters may not import model') }]);
  });

  it("lets signals name the trained model's type, not import its code", async () => {
    expect(await lint('src/signals/x.ts', "import type { Model } from '../model/model.js';\nexport type X = Model;\n")).toEqual([]);
    const value = await lint('src/signals/x.ts', "import { loadModel } from '../model/model.js';\nexport const x = loadModel;\n");
    expect(value).toEqual([{ ruleId: LAYER_RULE, message: expect.stringContaining('signals may not import model') }]);
  });

  it('keeps natural, a test reference, out of src/', async () => {
    const messages = await lint('src/data/x.ts', "import { words } from 'natural/lib/natural/util/stopwords.js';\nexport const x = words;\n");
    expect(messages).toEqual([{ ruleId: 'no-restricted-imports', message: expect.stringContaining('natural is a devDependency') }]);
  });

  it('places every module of src/ in a tier, so that no module escapes the rule', () => {
    const modules = (LAYERS as Array<Array<{ modules: string[] }>>).flat().flatMap((g) => g.modules);
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    const src = join(ROOT, 'src');
    const unplaced = files(src)
      .map((f) => relative(src, f))
      .filter((f) => f.endsWith('.ts') && !modules.some((m) => (m.endsWith('/') ? f.startsWith(m) : f === m)));
    expect(unplaced).toEqual([]);
  });
});
