// Not an I/O-free library: the loader reads the .proto files from disk (no network).
import baseConfig from '../../eslint.config.mjs';

export default [...baseConfig];
