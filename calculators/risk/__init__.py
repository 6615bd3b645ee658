"""The risk reading for the strategy meeting: the assessment from the ticked indicators
(assessment, which answers the bridge), its methods (methods), its words (words) and
the indicators listed more than once (listing)."""
