package vocabulary

// The words of the citizen's lookup that tell who has held the dossier ("hồ sơ của bạn
// đã qua những tay nào"): each holder is an office, a post office or the citizen, named
// by the office's name only, never by a member of staff.

// holderKinds name the kinds of holder.
var holderKinds = table{
	"office":      {"Cơ quan", "Office"},
	"post_office": {"Bưu cục", "Post office"},
	"citizen":     {"Người nộp hồ sơ", "Applicant"},
}

// HolderKind names a kind of holder of a dossier: office, post_office or citizen.
func HolderKind(kind string) Words { return holderKinds.lookup(kind) }

// HolderCitizen names the citizen as a holder of their own dossier, to whom the lookup
// speaks: the papers still at home, or the result handed back.
var HolderCitizen = Words{"Bạn (người nộp hồ sơ)", "You (the applicant)"}

// HolderThePost names the post as a holder when the leg does not say which post office
// holds the papers.
var HolderThePost = Words{"Bưu điện", "The post"}
