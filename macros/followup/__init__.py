"""After the signing: the yearly review of the agreement (Årlig uppföljning)
and the feedback to those who gave their input (Återkoppling), built on the
registers (macros/registers/) and drawn by followup.js."""

# The pages' styles (the review's questions, the print of a report).
STYLESHEET = "assets/stylesheets/followup.css"
