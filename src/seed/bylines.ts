// Writers credited on the demo articles. They are invented: putting real journalists' names on
// generated text would attribute words to them they never wrote. Their Person rows say so.

export const BYLINE_WRITERS: readonly string[] = [
  "Ri Hyang Sim",
  "Kim Song Chol",
  "Pak Un Ha",
  "Jong Myong Sik",
  "Choe Yong Ae",
  "Han Kum Sil",
  "Ro Chol Jin",
  "So Jin Hyok",
];

export const BYLINE_WRITER_DESCRIPTION = "Invented staff writer credited on synthetic demo articles; not a real person.";
