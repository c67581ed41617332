import type { HeartbeatRequest } from '@blup/contracts';
import { HeartbeatTracker, trackMedia } from './heartbeat-tracker';

describe(HeartbeatTracker.name, () => {
  let sent: { request: HeartbeatRequest; leaving: boolean }[];
  let sut: HeartbeatTracker;

  /** Plays from `from` to `to`: a timeupdate every 0.25 s, then the clock moves on to match. */
  const playThrough = (from: number, to: number) => {
    for (let t = from + 0.25; t <= to + 1e-9; t += 0.25) {
      sut.time(t);
      jest.advanceTimersByTime(250);
    }
  };
  const stretches = () => sent.map(({ request }) => [request.fromSeconds, request.toSeconds]);

  beforeEach(() => {
    jest.useFakeTimers();
    sent = [];
    sut = new HeartbeatTracker((request, leaving) => sent.push({ request, leaving }));
  });
  afterEach(() => {
    sut.stop();
    jest.useRealTimers();
  });

  it('sends the played stretch every 10 seconds while playing', () => {
    sut.play(0);
    playThrough(0, 25);

    expect(sent.map(({ request }) => request)).toEqual([
      { fromSeconds: 0, toSeconds: 10, positionSeconds: 10, event: 'tick' },
      { fromSeconds: 10, toSeconds: 20, positionSeconds: 20, event: 'tick' },
    ]);
  });

  it('sends nothing while paused', () => {
    sut.play(0);
    playThrough(0, 3);
    sut.pause(3);
    sent = [];

    jest.advanceTimersByTime(60_000);

    expect(sent).toEqual([]);
  });

  it('flushes the stretch on pause and on end', () => {
    sut.play(30);
    playThrough(30, 34);
    sut.pause(34);
    sut.play(34);
    playThrough(34, 36);
    sut.ended(36);

    expect(
      sent.map(({ request }) => [request.event, request.fromSeconds, request.toSeconds]),
    ).toEqual([
      ['pause', 30, 34],
      ['ended', 34, 36],
    ]);
  });

  it('does not count a seek forward as watched', () => {
    sut.play(0);
    playThrough(0, 4);
    sut.seeking();
    sut.time(90);
    sut.seeked(90);
    playThrough(90, 92);
    sut.pause(92);

    expect(stretches()).toEqual([
      [0, 4],
      [90, 92],
    ]);
    expect(sent.at(-1)?.request.positionSeconds).toBe(92);
  });

  it('treats a jump in timeupdate without a seeking event as a new stretch', () => {
    sut.play(0);
    playThrough(0, 2);
    sut.time(50);
    playThrough(50, 51);
    sut.pause(51);

    expect(stretches()).toEqual([
      [0, 2],
      [50, 51],
    ]);
  });

  it('counts a late timeupdate as played when that much time really passed (a busy phone)', () => {
    sut.play(0);
    playThrough(0, 2);
    jest.advanceTimersByTime(3000);
    sut.time(5);
    sut.pause(5);

    expect(stretches()).toEqual([[0, 5]]);
  });

  it('does not count a seek backwards twice as a longer stretch', () => {
    sut.play(10);
    playThrough(10, 15);
    sut.time(5);
    playThrough(5, 7);
    sut.pause(7);

    expect(stretches()).toEqual([
      [10, 15],
      [5, 7],
    ]);
  });

  it('sends a long stretch at once when the timer is late (a background tab)', () => {
    sut.play(0);
    for (let t = 0.25; t <= 45; t += 0.25) sut.time(t); // no clock movement: the timer never fires

    expect(stretches()).toEqual([
      [0, 20],
      [20, 40],
    ]);
  });

  it('reports on leaving the page with a request that outlives it', () => {
    sut.play(0);
    playThrough(0, 3);
    sut.leave();

    expect(sent).toEqual([
      {
        request: { fromSeconds: 0, toSeconds: 3, positionSeconds: 3, event: 'pause' },
        leaving: true,
      },
    ]);
  });

  it('keeps positions within the duration', () => {
    sut = new HeartbeatTracker((request, leaving) => sent.push({ request, leaving }), {
      durationSeconds: () => 20,
    });
    sut.play(19);
    playThrough(19, 20);
    sut.ended(20.4);

    expect(sent.map(({ request }) => request)).toEqual([
      { fromSeconds: 19, toSeconds: 20, positionSeconds: 20, event: 'ended' },
    ]);
  });
});

describe(trackMedia.name, () => {
  it('wires media events and page hide to the tracker, and unwires them', () => {
    const media = Object.assign(new EventTarget(), { currentTime: 0, duration: 60 });
    const sent: HeartbeatRequest[] = [];
    const tracker = new HeartbeatTracker((request) => sent.push(request));
    const sut = trackMedia(media, tracker);

    media.dispatchEvent(new Event('playing'));
    media.currentTime = 1;
    media.dispatchEvent(new Event('timeupdate'));
    window.dispatchEvent(new Event('pagehide'));
    sut();
    media.currentTime = 2;
    media.dispatchEvent(new Event('pause'));

    expect(sent).toEqual([{ fromSeconds: 0, toSeconds: 1, positionSeconds: 1, event: 'pause' }]);
    expect(tracker.playing).toBe(false);
  });
});
