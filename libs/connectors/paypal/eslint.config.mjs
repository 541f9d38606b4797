import baseConfig, { ioFreeLibrary } from '../../../eslint.config.mjs';

export default [...baseConfig, ...ioFreeLibrary];
