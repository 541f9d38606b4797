import baseConfig from "../../eslint.config.mjs";

export default [
    ...baseConfig,
    {
        // The root config exempts 'apps/gateway-simulator/**' from the testing-import ban, but
        // `nx lint` runs eslint from this folder, where that root-relative pattern never matches.
        // The simulator is test tooling by design, so the exemption is restated here.
        files: ['**/*.ts'],
        rules: { 'no-restricted-imports': 'off' },
    },
];
