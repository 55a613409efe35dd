package dossier

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/motcua/motcua/services/platform/textnorm"
)

// Action is something staff do to a dossier, named as in the API path.
type Action string

// The actions of the contract, plus the two fee actions of procedures whose fee is fixed
// during processing.
const (
	ActReceive           Action = "receive"
	ActTransfer          Action = "transfer"
	ActAccept            Action = "accept"
	ActRequestSupplement Action = "request-supplement"
	ActSupplement        Action = "supplement"
	ActExtend            Action = "extend"
	ActComplete          Action = "complete"
	ActReturn            Action = "return"
	ActRefuse            Action = "refuse"
	ActStop              Action = "stop"
	ActWithdraw          Action = "withdraw"
	ActRequestPayment    Action = "request-payment"
	ActRecordPayment     Action = "record-payment"
)

// Actions lists every action staff can take.
var Actions = []Action{ActReceive, ActTransfer, ActAccept, ActRequestSupplement, ActSupplement, ActExtend, ActComplete,
	ActReturn, ActRefuse, ActStop, ActWithdraw, ActRequestPayment, ActRecordPayment}

// ParseAction returns the action named s, if there is one.
func ParseAction(s string) (Action, bool) {
	for _, a := range Actions {
		if string(a) == s {
			return a, true
		}
	}
	return "", false
}

// Via is how papers travel between offices.
type Via string

// The ways of a transfer.
const (
	ByHand Via = "hand"
	ByPost Via = "post"
)

// Outcome is the decision on a dossier.
type Outcome string

// The outcomes of complete.
const (
	Approved Outcome = "approved"
	Rejected Outcome = "rejected"
)

// Command is the body of an action; each action reads the fields it needs and ignores
// the others.
type Command struct {
	ToOffice      string     `json:"to_office"`
	Via           Via        `json:"via"`
	Note          string     `json:"note"`
	Items         []Document `json:"items"`
	Reason        string     `json:"reason"`
	NewDueAt      *time.Time `json:"new_due_at"`
	Outcome       Outcome    `json:"outcome"`
	AmountVND     int64      `json:"amount_vnd"`
	ReceiptNumber string     `json:"receipt_number"`
	// ResultFileID names the result's file a complete carries: a file of the dossier
	// kept for the purpose (result.go).
	ResultFileID string `json:"result_file_id"`
}

// Limits on an action's fields.
const (
	MaxNoteRunes    = 1000
	MaxItems        = 50
	maxReceiptRunes = 50
)

// Normalize cleans the command's text (NFC, trimmed, single spaces) and fills defaults:
// a transfer goes by hand unless it says post.
func (c *Command) Normalize(a Action) {
	c.ToOffice = strings.TrimSpace(c.ToOffice)
	c.Via = Via(strings.ToLower(strings.TrimSpace(string(c.Via))))
	if a == ActTransfer && c.Via == "" {
		c.Via = ByHand
	}
	c.Note = textnorm.Clean(c.Note)
	c.Reason = textnorm.Clean(c.Reason)
	c.Outcome = Outcome(strings.ToLower(strings.TrimSpace(string(c.Outcome))))
	c.ReceiptNumber = textnorm.Clean(c.ReceiptNumber)
	c.ResultFileID = strings.ToLower(strings.TrimSpace(c.ResultFileID))
	for i := range c.Items {
		d := &c.Items[i]
		d.normalize()
		if d.Kind == "" {
			d.Kind = Copy
		}
	}
}

// Validate checks what action a needs from a normalized command, on its own (whether
// the action is allowed now is the state's business).
func (c *Command) Validate(a Action) *FieldError {
	if utf8.RuneCountInString(c.Note) > MaxNoteRunes {
		return invalid("note", "too_long", MaxNoteRunes)
	}
	if utf8.RuneCountInString(c.Reason) > MaxNoteRunes {
		return invalid("reason", "too_long", MaxNoteRunes)
	}
	switch a {
	case ActTransfer:
		switch {
		case c.ToOffice == "":
			return missing("to_office")
		case utf8.RuneCountInString(c.ToOffice) > maxCodeRunes:
			return invalid("to_office", "too_long")
		case c.Via != ByHand && c.Via != ByPost:
			return invalid("via", "invalid_via")
		}
	case ActRequestSupplement:
		if len(c.Items) == 0 {
			return missing("items")
		}
		if len(c.Items) > MaxItems {
			return invalid("items", "too_many", MaxItems)
		}
		for i, d := range c.Items {
			if fe := d.validate(fmt.Sprintf("items[%d]", i)); fe != nil {
				return fe
			}
		}
		if c.Reason == "" {
			return missing("reason")
		}
	case ActExtend:
		if c.NewDueAt == nil {
			return missing("new_due_at")
		}
		if c.Reason == "" {
			return missing("reason")
		}
	case ActComplete:
		if c.Outcome != Approved && c.Outcome != Rejected {
			return invalid("outcome", "invalid_outcome")
		}
		if len(c.ResultFileID) > maxCodeRunes {
			return invalid("result_file_id", "too_long")
		}
	case ActRefuse, ActStop, ActWithdraw:
		if c.Reason == "" {
			return missing("reason")
		}
	case ActRequestPayment:
		if c.AmountVND <= 0 || c.AmountVND > MaxFeeVND {
			return invalid("amount_vnd", "out_of_range")
		}
	case ActRecordPayment:
		if c.AmountVND <= 0 || c.AmountVND > MaxFeeVND {
			return invalid("amount_vnd", "out_of_range")
		}
		if c.ReceiptNumber == "" {
			return missing("receipt_number")
		}
		if utf8.RuneCountInString(c.ReceiptNumber) > maxReceiptRunes {
			return invalid("receipt_number", "too_long", maxReceiptRunes)
		}
	}
	return nil
}
