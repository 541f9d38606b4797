import baseConfig from "../../../eslint.config.mjs";

export default [
    ...baseConfig,
    {
        // The root config exempts 'libs/testing/**' from the testing-import ban, but `nx lint` runs
        // eslint from this folder, where that root-relative pattern never matches. This whole
        // library is test tooling, so the exemption is restated here.
        files: ['**/*.ts'],
        rules: { 'no-restricted-imports': 'off' },
    },
];
