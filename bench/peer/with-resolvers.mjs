// Node 20 lacks Promise.withResolvers (ES2024), which PostGraphile 5 / grafast rely on: without it
// every table query fails ("Cannot read properties of undefined (reading 'items')"). Loaded with
// `node --import` before PostGraphile; a no-op on Node >= 22.
if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
