// The dashboard's only script: switches submit their form when flipped, and the tester's hook picker loads the
// example of the hook picked. Everything works without it too (the buttons).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("input.switch-box").forEach((box) => {
    box.addEventListener("change", () => box.form.submit());
  });
  document.querySelectorAll("select.autosubmit").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
});
