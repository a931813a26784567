/**
 * IP addresses and CIDRs as the API server reads them (Go's `net` package
 * through `netutils.ParseIPSloppy` and `ParseCIDRSloppy`): dotted IPv4 with
 * leading zeros allowed, IPv6 in any of its forms, no zones.
 */

/** An IP address read into its bytes: 4 for IPv4 (and IPv4-mapped IPv6), 16 for IPv6. */
export interface ParsedIp {
  readonly family: 'IPv4' | 'IPv6';
  readonly bytes: readonly number[];
}

const IPV4_PART = /^[0-9]{1,3}$/;
const IPV6_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(value: string): number[] | undefined {
  const parts = value.split('.');
  if (parts.length !== 4 || !parts.every((part) => IPV4_PART.test(part))) {
    return undefined;
  }
  const bytes = parts.map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : undefined;
}

function groupsOf(text: string): number[] | undefined {
  if (text === '') {
    return [];
  }
  const groups: number[] = [];
  const parts = text.split(':');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === parts.length - 1 && part.includes('.')) {
      // An IPv4 address may end an IPv6 one: `::ffff:10.0.0.1`.
      const v4 = parseIpv4(part);
      if (v4 === undefined) {
        return undefined;
      }
      groups.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
    } else if (IPV6_GROUP.test(part)) {
      groups.push(parseInt(part, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

function parseIpv6(value: string): number[] | undefined {
  const halves = value.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const head = groupsOf(halves[0]);
  const tail = halves.length === 2 ? groupsOf(halves[1]) : [];
  if (head === undefined || tail === undefined) {
    return undefined;
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) {
    return undefined;
  }
  const groups = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

/** The address `value` holds, or `undefined` when it is not one. */
export function parseIp(value: unknown): ParsedIp | undefined {
  if (typeof value !== 'string') {
    return undefined;
  }
  if (!value.includes(':')) {
    const v4 = parseIpv4(value);
    return v4 === undefined ? undefined : { family: 'IPv4', bytes: v4 };
  }
  const v6 = parseIpv6(value);
  if (v6 === undefined) {
    return undefined;
  }
  // Go treats an IPv4-mapped address (::ffff:a.b.c.d) as IPv4.
  const mapped = v6.slice(0, 10).every((byte) => byte === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? { family: 'IPv4', bytes: v6.slice(12) } : { family: 'IPv6', bytes: v6 };
}

/** Whether `value` is a CIDR such as `10.0.0.0/8` or `fd00::/64` (host bits may be set). */
export function isCidr(value: unknown): boolean {
  if (typeof value !== 'string') {
    return false;
  }
  const slash = value.indexOf('/');
  if (slash < 0) {
    return false;
  }
  const address = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  const ip = address.includes(':') ? parseIpv6(address) : parseIpv4(address);
  if (ip === undefined || !/^[0-9]{1,3}$/.test(bits)) {
    return false;
  }
  return Number(bits) <= ip.length * 8;
}

/**
 * Why the API server refuses `ip` where it routes traffic (a Service's
 * `externalIPs`): unspecified, loopback, link-local; as `ValidateNonSpecialIP`.
 */
export function specialIpError(ip: ParsedIp): string | undefined {
  const b = ip.bytes;
  if (b.every((byte) => byte === 0)) {
    return 'is unspecified (all zeros)';
  }
  if (ip.family === 'IPv4') {
    if (b[0] === 127) {
      return 'is in the loopback range (127.0.0.0/8)';
    }
    if (b[0] === 169 && b[1] === 254) {
      return 'is in the link-local range (169.254.0.0/16)';
    }
    if (b[0] === 224 && b[1] === 0 && b[2] === 0) {
      return 'is in the link-local multicast range (224.0.0.0/24)';
    }
    return undefined;
  }
  if (b.slice(0, 15).every((byte) => byte === 0) && b[15] === 1) {
    return 'is the loopback address (::1)';
  }
  if (b[0] === 0xfe && (b[1] & 0xc0) === 0x80) {
    return 'is in the link-local range (fe80::/10)';
  }
  if (b[0] === 0xff && (b[1] & 0x0f) === 0x02) {
    return 'is in the link-local multicast range (ff02::/16)';
  }
  return undefined;
}
