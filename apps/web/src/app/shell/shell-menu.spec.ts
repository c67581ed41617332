import { ShellMenu } from './shell-menu';

describe(ShellMenu.name, () => {
  it('carries out a press of the menu button made before the menu was loaded', () => {
    const sut = new ShellMenu();
    const toggles: string[] = [];

    sut.toggle(); // the frame with the menu is still on its way
    sut.attach(() => toggles.push('toggle'));

    expect(toggles).toEqual(['toggle']);
    sut.toggle();
    expect(toggles).toEqual(['toggle', 'toggle']);
  });

  it('forgets two presses that cancel out, and closes when the frame goes away', () => {
    const sut = new ShellMenu();
    const toggles: string[] = [];
    sut.toggle();
    sut.toggle();

    const detach = sut.attach(() => toggles.push('toggle'));
    sut.opened.set(true);
    detach();
    sut.toggle();

    expect(toggles).toEqual([]);
    expect(sut.opened()).toBe(false);
  });
});
