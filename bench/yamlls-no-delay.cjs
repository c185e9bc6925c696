// Starts yaml-language-server with its fixed 200 ms validation delay set to 0: the delay is not a setting
// (SettingsState.validationDelayMs is assigned in its constructor), so the benchmark overrides it here, the only
// change made to any peer.
const { SettingsState } = require('yaml-language-server/out/server/src/yamlSettings.js');
Object.defineProperty(SettingsState.prototype, 'validationDelayMs', { get: () => 0, set: () => {}, configurable: true });
process.env.YAML_LANGUAGE_SERVER_VERSION = require('yaml-language-server/package.json').version;
require('yaml-language-server/out/server/src/server.js');
