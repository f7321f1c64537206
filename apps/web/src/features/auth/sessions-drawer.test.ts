import { describe, expect, it } from 'vitest';
import { deviceOf } from './sessions-drawer.tsx';

describe('deviceOf', () => {
  it('names the browser and the system of the common User-Agents, Edge and WeChat before Chrome', () => {
    const of = (ua: string) => deviceOf(ua);
    expect(
      of('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36'),
    ).toEqual({
      browser: 'Chrome',
      system: 'Windows',
    });
    expect(
      of('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 Chrome/131.0 Safari/537.36 Edg/131.0'),
    ).toEqual({
      browser: 'Edge',
      system: 'Windows',
    });
    expect(
      of(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Safari/604.1',
      ),
    ).toEqual({ browser: 'Safari', system: 'iOS' });
    expect(of('Mozilla/5.0 (Linux; Android 14) Chrome/120.0 Mobile MicroMessenger/8.0.49')).toEqual({
      browser: 'WeChat',
      system: 'Android',
    });
    expect(of('curl/8.5.0')).toEqual({ browser: '', system: '' });
    expect(deviceOf(null)).toBeNull();
  });
});
