import jsoncParser from 'jsonc-eslint-parser';
import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    // Checks that generators.json / package.json point at factories and schemas that exist.
    files: ['./package.json', './generators.json'],
    languageOptions: { parser: jsoncParser },
    rules: { '@nx/nx-plugin-checks': 'error' },
  },
];
