// The command runs one bundled file: loading ~75 separate ES modules took ~60 ms of every start-up.
// dist/ (tsc's output) stays as it is: tests, the corpus worker and library users import from it.
export default {
  input: 'dist/cli.js',
  platform: 'node',
  output: { file: 'dist/threadsift.js', format: 'esm' },
};
