"""Small sample article shared by the API and CLI tests."""

TITLE = "Council approves new budget for schools"
PARAS = [
    "The city council approved on Tuesday a budget that raises spending on schools by 6 percent, "
    "the largest increase in a decade.",
    "Teachers’ unions welcomed the decision but said class sizes in the poorer districts were still far too large.",
    "The budget also includes money for repairing the roofs of eleven primary schools before the winter.",
]
ARTICLE = f"Share\n\n{TITLE}\n\n{PARAS[0]}\n\nAdvertisement\n\n{PARAS[1]}\n\n{PARAS[2]}\n"
