// jsdom for the simulator's view layer, plus Node's own fetch and friends so that test code (the
// server helpers, API set-up calls) can talk HTTP. The app code never sees any of this: it runs in
// its own vm context (test/weapp/sim/app-realm.ts).
const JSDOMEnvironment = require('jest-environment-jsdom').default;

class WeappEnvironment extends JSDOMEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of ['fetch', 'Headers', 'Request', 'Response', 'TextEncoder', 'TextDecoder', 'AbortController', 'AbortSignal']) {
      this.global[name] = globalThis[name];
    }
  }
}

module.exports = WeappEnvironment;
