module.exports = {
  displayName: 'tools-nx-plugin',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/nx-plugin',
  // Template files (`*.ts__tmpl__`) are not modules; make sure jest never treats them as tests.
  testPathIgnorePatterns: ['/node_modules/', '/src/generators/[^/]+/files/'],
};
