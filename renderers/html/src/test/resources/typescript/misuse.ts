// Misuse the declarations must catch: a number is not the JSON text, no such event.
const text: number = EmrKit.mount("#record").json();
EmrKit.mount("#record").on("saved", () => {});
