/**
 * The first Tab stop of every screen: jumps past the header to the screen's content. The address
 * bar's hash is the route, so it moves focus itself instead of linking to an anchor.
 */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href="#content"
      data-testid="app.skip"
      onClick={(event) => {
        event.preventDefault();
        const main = document.querySelector<HTMLElement>('main');
        if (!main) return;
        main.tabIndex = -1;
        main.focus();
      }}
    >
      Skip to content
    </a>
  );
}
