import { AttendanceStatus, RsvpAnswer, type AttendanceRowDto } from '@blup/contracts';
import { AttendanceForm } from './attendance-form';

function row(id: string, status: AttendanceStatus | null = null): AttendanceRowDto {
  return {
    person: { id, name: `Person ${id}` } as AttendanceRowDto['person'],
    part: 'member',
    rsvp: RsvpAnswer.Yes,
    status,
  };
}

describe('AttendanceForm', () => {
  it('starts from what is recorded and sends nothing until something changes', () => {
    const form = new AttendanceForm();
    form.add([row('a', AttendanceStatus.Present), row('b')]);
    expect(form.statusOf('a')).toBe(AttendanceStatus.Present);
    expect(form.statusOf('b')).toBeNull();
    expect(form.markedCount()).toBe(1);
    expect(form.dirty()).toBe(false);
    expect(form.request()).toEqual({ entries: [] });
  });

  it('sends the marks that differ from what the API has', () => {
    const form = new AttendanceForm();
    form.add([row('a', AttendanceStatus.Present), row('b'), row('c')]);
    form.set('a', AttendanceStatus.Excused);
    form.set('b', AttendanceStatus.Absent);
    expect(form.markedCount()).toBe(2);
    expect(form.request().entries).toEqual([
      { userId: 'a', status: AttendanceStatus.Excused },
      { userId: 'b', status: AttendanceStatus.Absent },
    ]);
    form.set('a', AttendanceStatus.Present);
    expect(form.request().entries).toEqual([{ userId: 'b', status: AttendanceStatus.Absent }]);
  });

  it('marks the rest present and keeps absent and excused marks', () => {
    const form = new AttendanceForm();
    form.add([row('a'), row('b'), row('c')]);
    form.set('b', AttendanceStatus.Excused);
    form.markRestPresent();
    expect(form.statusOf('a')).toBe(AttendanceStatus.Present);
    expect(form.statusOf('b')).toBe(AttendanceStatus.Excused);
    expect(form.statusOf('c')).toBe(AttendanceStatus.Present);
    expect(form.markedCount()).toBe(3);
  });

  it('keeps marks when more rows arrive, and ignores a row it already has', () => {
    const form = new AttendanceForm();
    form.add([row('a'), row('b')]);
    form.set('a', AttendanceStatus.Absent);
    form.add([row('a', AttendanceStatus.Present), row('c', AttendanceStatus.Excused)]);
    expect(form.rows().map((r) => r.person.id)).toEqual(['a', 'b', 'c']);
    expect(form.statusOf('a')).toBe(AttendanceStatus.Absent);
    expect(form.statusOf('c')).toBe(AttendanceStatus.Excused);
    expect(form.request().entries).toEqual([{ userId: 'a', status: AttendanceStatus.Absent }]);
  });

  it('is clean after a save', () => {
    const form = new AttendanceForm();
    form.add([row('a')]);
    form.set('a', AttendanceStatus.Present);
    expect(form.dirty()).toBe(true);
    form.markSaved();
    expect(form.dirty()).toBe(false);
    expect(form.markedCount()).toBe(1);
  });
});
