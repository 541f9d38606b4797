import { readSimulatorConfig } from './config';

describe('readSimulatorConfig', () => {
  it('defaults to 127.0.0.1:4010', () => {
    expect(readSimulatorConfig({})).toEqual({ port: 4010, host: '127.0.0.1' });
    expect(readSimulatorConfig({ SIMULATOR_PORT: '', SIMULATOR_HOST: ' ' })).toEqual({ port: 4010, host: '127.0.0.1' });
  });

  it('reads SIMULATOR_PORT (0 allowed) and SIMULATOR_HOST', () => {
    expect(readSimulatorConfig({ SIMULATOR_PORT: '0', SIMULATOR_HOST: 'localhost' })).toEqual({ port: 0, host: 'localhost' });
    expect(readSimulatorConfig({ SIMULATOR_PORT: '4999' })).toEqual({ port: 4999, host: '127.0.0.1' });
  });

  it.each(['abc', '-1', '65536', '40.5'])('refuses SIMULATOR_PORT=%s, naming the variable', (value) => {
    expect(() => readSimulatorConfig({ SIMULATOR_PORT: value })).toThrow(/^Invalid SIMULATOR_PORT/);
  });
});
