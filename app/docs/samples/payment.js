// Sign On, Inquiry and Payment with Node 18+ (fetch; HTTP Digest by hand).
const crypto = require('crypto');

const BASE = '{baseURL}';
const [USER, PASSWORD] = ['{user}', '{password}'];
const MERCHANT = '{merchantID}';
const REF = String(Date.now()).slice(-12);
const md5 = (s) => crypto.createHash('md5').update(s).digest('hex');

async function post(path, body) {
  // The first request is answered 401 with the challenge; sign and send again.
  const challenge = (await fetch(BASE + path, { method: 'POST' })).headers.get('www-authenticate');
  const param = (k) => (challenge.match(new RegExp(`${k}="?([^",]+)"?`)) || [])[1];
  const [realm, nonce, opaque] = ['realm', 'nonce', 'opaque'].map(param);
  const cnonce = crypto.randomBytes(8).toString('hex');
  const nc = '00000001';
  const ha1 = md5(`${USER}:${realm}:${PASSWORD}`);
  const ha2 = md5(`POST:${path}`);
  const response = md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`);
  const authorization = `Digest username="${USER}", realm="${realm}", nonce="${nonce}", uri="${path}", ` +
    `qop=auth, nc=${nc}, cnonce="${cnonce}", response="${response}", opaque="${opaque}"`;
  const res = await fetch(BASE + path, {
    method: 'POST',
    headers: { Authorization: authorization, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

(async () => {
  const signon = await post('/auth/Sign-On', {
    mitra: 'DJI', accountID: '081234567890', merchantID: MERCHANT, merchantName: 'PT.Testing', counterID: '1',
  });
  console.log('Sign On:', JSON.stringify(signon));
  const order = {
    sessionID: signon.SessionID, merchantID: MERCHANT, productID: '100301', customerID: '110100019766', referenceID: REF,
  };
  const inquiry = await post('/Services/Inquiry', order);
  console.log('Inquiry:', JSON.stringify(inquiry));
  const { tagihan, admin, total } = inquiry.data;
  const payment = await post('/Services/Payment', { ...order, tagihan, admin, total });
  console.log('Payment:', JSON.stringify(payment));
})();
