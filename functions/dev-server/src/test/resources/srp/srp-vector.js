// Makes amazon-cognito-identity-js-vector.json: the client library's own SRP computation with fixed
// values. Run with amazon-cognito-identity-js@6.3.21 installed: node srp-vector.js > ...json (inputs added by hand).
const AuthenticationHelper = require('amazon-cognito-identity-js/lib/AuthenticationHelper').default;
const BigInteger = require('amazon-cognito-identity-js/lib/BigInteger').default;
const { Sha256 } = require('@aws-crypto/sha256-js');
const { Buffer } = require('buffer');
const pool = 'devserver', user = 'alice@example.com', password = 'Correct-Horse-9';
const saltHex = 'f3b1c2d4e5a697887766554433221100';
const aHex = '1f'.repeat(128), bHex = '2e'.repeat(32);
const secretBlock = Buffer.from('secret-block-of-the-session', 'utf8').toString('base64');
const timestamp = 'Sun Nov 29 01:02:03 UTC 2026';
const h = new AuthenticationHelper(pool);
h.smallAValue = new BigInteger(aHex, 16);
h.largeAValue = null;
h.getLargeAValue((e, A) => {});
const A = h.largeAValue;
const salt = new BigInteger(saltHex, 16);
// server side B from the library's own primitives: v = g^x, B = k v + g^b
const x = new BigInteger(h.hexHash(h.padHex(salt) + h.hash(`${pool}${user}:${password}`)), 16);
let v, gb; h.g.modPow(x, h.N, (e, r) => v = r); h.g.modPow(new BigInteger(bHex, 16), h.N, (e, r) => gb = r);
const B = h.k.multiply(v).add(gb).mod(h.N);
h.getPasswordAuthenticationKey(user, password, B, salt, (err, hkdf) => {
  const msg = Buffer.concat([Buffer.from(pool,'utf8'), Buffer.from(user,'utf8'), Buffer.from(secretBlock,'base64'), Buffer.from(timestamp,'utf8')]);
  const mac = new Sha256(hkdf); mac.update(msg);
  const sig = Buffer.from(mac.digestSync()).toString('base64');
  console.log(JSON.stringify({k: h.k.toString(16), A: A.toString(16), v: v.toString(16), B: B.toString(16), u: h.UValue.toString(16), hkdf: Buffer.from(hkdf).toString('hex'), secretBlock, timestamp, signature: sig}, null, 1));
});
