using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace IpcLab.Tui.Gui;

/// <summary>
/// The menu bar (F10, or a click): every item does what its key does, through the same key
/// handler, and shows that key, so the menu also teaches the keys.
/// </summary>
internal static class GuiMenu
{
    public static MenuBar Build(Action<char> press, Action<ScreenTheme> theme, Action legend, Action open) => new(
    [
        new MenuBarItem("_File", [
            new MenuItem("_Open script or saved run…", "", open, Key.Empty),
            .. Items(press, ("_Save run…", 'S'), ("_Back to the programs", 'm'), ("_Quit", 'q')),
        ]),
        new MenuBarItem("_Run", Items(
            press,
            ("_Step", ' '),
            ("Step _back", 'b'),
            ("_Run / pause", 'r'),
            ("_Faster", '+'),
            ("S_lower", '-'),
            ("_Go to step…", 'g'),
            ("Next _block", 'n'),
            ("Next _wake-up", 'w'),
            ("Next _delivery", 'd'),
            ("Step _0", '0'),
            ("Other f_uture", 'u'),
            ("F_ind the bug (checker)", 'f'))),
        new MenuBarItem("_Scheduler", Items(press, ("_Switch scheduler", 's'), ("Random s_eed…", 'e'))),
        new MenuBarItem("_Inject", Items(press, ("Spurious _wake-up…", 'i'), ("Crash a _thread…", 'c'), ("Crash a _process…", 'k'))),
        new MenuBarItem("_View", [
            .. Items(press, ("_Output, locals and checks", 'o'), ("_Broker: topology, routing, paths", 'x')),
            new MenuItem("Theme: _default", "", () => theme(ScreenTheme.Default), Key.Empty),
            new MenuItem("Theme: _projector", "", () => theme(ScreenTheme.Projector), Key.Empty),
            new MenuItem("Theme: _colour-blind safe", "", () => theme(ScreenTheme.ColorBlind), Key.Empty),
        ]),
        new MenuBarItem("_Help", [.. Items(press, ("_Keys", '?')), new MenuItem("_Symbols and colours", "Tab in help", legend, Key.Empty)]),
    ]);

    private static View[] Items(Action<char> press, params (string Text, char Key)[] items) =>
        [.. items.Select(i => new MenuItem(i.Text, i.Key == ' ' ? "space" : i.Key.ToString(), () => press(i.Key), Key.Empty))];
}
