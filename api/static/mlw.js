// Progress while a form or a redrawing works, and the as-of slider: plain script, no build.
document.addEventListener("submit", () => document.body.classList.add("busy"));
window.addEventListener("pageshow", () => document.body.classList.remove("busy"));

document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("asof");
  const slider = document.getElementById("day");
  if (!form || !slider) return;
  const start = new Date(form.dataset.start + "T00:00:00Z");
  const label = document.getElementById("asof-label");
  const day = (n) => new Date(start.getTime() + n * 86400000).toISOString().slice(0, 10);
  let pending = null;
  slider.addEventListener("input", () => { label.textContent = day(+slider.value); });
  slider.addEventListener("change", async () => {
    const asOf = day(+slider.value);
    form.querySelector("input[name=as_of]").value = asOf;
    document.body.classList.add("busy");
    if (pending) pending.abort();
    pending = new AbortController();
    try {
      const page = await fetch(`?as_of=${asOf}`, { signal: pending.signal });
      const html = new DOMParser().parseFromString(await page.text(), "text/html");
      for (const id of ["drawing", "flags"]) {
        document.getElementById(id).innerHTML = html.getElementById(id).innerHTML;
      }
      history.replaceState(null, "", `?as_of=${asOf}`);
    } catch (e) { if (e.name !== "AbortError") throw e; }
    finally { document.body.classList.remove("busy"); }
  });
});
