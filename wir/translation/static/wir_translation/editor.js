// Translation editor: "Übernehmen" puts a suggestion of the translation memory into its
// field (the translator edits it there; nothing is saved before "Speichern").
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-fill]");
  if (!button) return;
  const field = document.getElementById(button.dataset.fill);
  if (!field) return;
  field.value = button.dataset.text;
  field.dispatchEvent(new Event("input", { bubbles: true }));
  field.focus();
});
