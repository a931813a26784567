import * as net from 'net';
import fc from 'fast-check';
import { isCidr, parseIp, specialIpError } from '../../lib/validation/_ip';

// The API server reads addresses with Go's net package (sloppily: leading
// zeros allowed in IPv4). Node's net.isIP follows the same grammar but for
// leading zeros and zones, which the properties set aside.

const ipish = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF:.'), maxLength: 45 });
const leadingZero = /(^|[.:])0[0-9]/;

describe('parseIp', () => {
  test('reads every IPv4 and IPv6 address, with its family', () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(parseIp(ip)).toEqual({ family: 'IPv4', bytes: ip.split('.').map(Number) });
      }),
    );
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const parsed = parseIp(ip);
        expect(parsed).toBeDefined();
        // An IPv4-mapped address (::ffff:a.b.c.d) is IPv4 to Go.
        expect(parsed?.bytes).toHaveLength(parsed?.family === 'IPv4' ? 4 : 16);
      }),
    );
  });

  test('agrees with Node on which strings are addresses, leading zeros aside', () => {
    fc.assert(
      fc.property(fc.oneof(ipish, fc.ipV4(), fc.ipV6()), (text) => {
        fc.pre(!leadingZero.test(text));
        expect(parseIp(text) !== undefined).toBe(net.isIP(text) !== 0);
      }),
      { numRuns: 2000 },
    );
  });

  test('takes leading zeros as Go does; refuses zones and non-strings', () => {
    expect(parseIp('010.001.002.003')).toEqual({ family: 'IPv4', bytes: [10, 1, 2, 3] });
    expect(parseIp('fe80::1%eth0')).toBeUndefined();
    expect(parseIp(167772161)).toBeUndefined();
    expect(parseIp('1.2.3.256')).toBeUndefined();
  });
});

describe('isCidr', () => {
  test('an address with a prefix length no longer than its bits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4().map((ip) => [ip, 32] as const), fc.ipV6().filter((ip) => !ip.includes('.')).map((ip) => [ip, 128] as const)), fc.nat(140), ([ip, bits], prefix) => {
        expect(isCidr(`${ip}/${prefix}`)).toBe(prefix <= bits);
        expect(isCidr(ip)).toBe(false);
      }),
    );
  });
});

describe('specialIpError', () => {
  test('names the ranges the API server refuses as external IPs, and no others', () => {
    const special = ['0.0.0.0', '127.1.2.3', '169.254.1.1', '224.0.0.1', '::', '::1', 'fe80::1', 'febf::1', 'ff02::1', 'ff12::1'];
    const ordinary = ['10.0.0.1', '203.0.113.7', '224.0.1.1', '2001:db8::1', 'fec0::1', 'ff05::1'];
    expect(special.filter((ip) => specialIpError(parseIp(ip)!) === undefined)).toEqual([]);
    expect(ordinary.filter((ip) => specialIpError(parseIp(ip)!) !== undefined)).toEqual([]);
  });
});
