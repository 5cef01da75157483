// After a navigation inside the circuit the page's heading takes the focus, so that a screen reader
// announces the new page and Tab starts from its top (what Blazor's FocusOnNavigate does). But the
// heading is focused only once the new page has rendered and the browser has answered, which on a busy
// server can be a second or more later: by then a keyboard user may already have tabbed to where they
// want to be. Taking the focus back from them would make their Enter land on the heading. So the
// heading is focused only while the focus is still where the navigation left it: on the page body, on
// an element that is gone, or on the link or button that started the navigation.

let lastActivated = null;

// Clicks and Enter (which browsers turn into a click on links and buttons) start navigations.
document.addEventListener("click", () => { lastActivated = document.activeElement; }, true);

export function focusHeadingUnlessMoved(selector) {
    const active = document.activeElement;
    const untouched = !active || active === document.body || !active.isConnected || active === lastActivated;
    if (!untouched) {
        return false;
    }
    const heading = document.querySelector(selector);
    if (!heading) {
        return false;
    }
    // A heading is not focusable by itself; made focusable by script only (as Blazor does), so Tab skips it.
    if (!heading.hasAttribute("tabindex")) {
        heading.tabIndex = -1;
    }
    heading.focus({ preventScroll: true });
    return document.activeElement === heading;
}
