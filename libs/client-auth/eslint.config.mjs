import baseConfig, { ioFreeLibrary, publishableLibrary } from '../../eslint.config.mjs';

export default [...baseConfig, ...ioFreeLibrary, ...publishableLibrary];
