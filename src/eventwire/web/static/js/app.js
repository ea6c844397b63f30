// Entry point: marks the active tab and runs the page module named by <body data-page>.
import { showError } from "./ui.js";

const page = document.body.dataset.page;
for (const link of document.querySelectorAll("[data-nav]")) {
  if (link.dataset.nav === page) {
    link.classList.add("active");
    link.setAttribute("aria-current", "page");
  }
}

// Errors of later actions (a filter, a click) show in the banner too, not only in the console.
window.addEventListener("unhandledrejection", (event) => {
  event.preventDefault();
  showError(event.reason);
});

const main = document.getElementById("main");
try {
  const module = await import(`./pages/${page}.js`);
  await module.render(main, new URLSearchParams(location.search));
} catch (error) {
  showError(error);
} finally {
  main.setAttribute("aria-busy", "false");
  document.body.dataset.ready = "true";
}
