"""Pages: Markdown and HTML rendered from the protocol (links, directive, reference,
forms, risk, dates, planner, training) and the components they share."""
