// Stand-in for office-addin-manifest in jest: office-addin-mock only needs its OfficeApp enum, and the
// real package pulls ESM-only dependencies that jest cannot load (a known trap of office-addin-mock).
module.exports = {
  OfficeApp: {
    Excel: "excel",
    OneNote: "onenote",
    Outlook: "outlook",
    PowerPoint: "powerpoint",
    Project: "project",
    Word: "word",
  },
};
