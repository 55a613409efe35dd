package vocabulary

// pageFrame is the words of the frame every service's pages share (the layout's):
// the link that skips the top bar, the language switch, the sign-out button, the
// heading of an error and the top bar's name for screen readers. The switch speaks
// the language it leads to, in that language.
var pageFrame = table{
	"skip":        {"Bỏ qua, đến nội dung chính", "Skip to the main content"},
	"switch":      {"English", "Tiếng Việt"},
	"signout":     {"Đăng xuất", "Sign out"},
	"error.title": {"Có lỗi", "Something is wrong"},
	"menu":        {"Trình đơn", "Menu"},
}

// PageFrame names a part of the pages' frame: "skip", "switch", "signout",
// "error.title" or "menu".
func PageFrame(part string) Words { return pageFrame.lookup(part) }
