"""Publishing: figures, the HTML report, exports (ClaimReview) and the README's scorecard.
Each loops over the families; none names a claim or a figure of its own."""
