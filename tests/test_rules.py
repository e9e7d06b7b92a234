"""The named rules, one table: (rule under test, text, where, expected rule name or None).

Every registered rule has at least one positive case (the text is that rule's noise) and one
negative case (a real sentence or heading that merely starts with, or contains, its noise words).
The expected value is what a careful user wants, written by hand.  Each row asks the rule under test
alone (does it fire?), and then ``first_match`` the question the pipeline asks (which rule names the
block?).  Where several rules fire on one text, the PRECEDENCE rows pin which names it.
"""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from cleaner import clean
from cleaner.cli import cli
from cleaner.lexicon import lexicon
from cleaner.rules import FAMILIES, Target, all_rules, first_match, rule_names

ANY, TAIL = "any", "tail"

# (rule under test, text, where, expected)
CASES = [
    # ads.marker
    ("ads.marker", "Advertisement", ANY, "ads.marker"),
    ("ads.marker", "ADVERTISEMENT", ANY, "ads.marker"),
    ("ads.marker", "Anzeige", ANY, "ads.marker"),
    ("ads.marker", "Publicité", ANY, "ads.marker"),
    ("ads.marker", "Publicidad", ANY, "ads.marker"),
    ("ads.marker", "Story continues below advertisement", ANY, "ads.marker"),
    ("ads.marker", "He said the advertisement was misleading.", ANY, None),
    ("ads.marker", "Advertising revenue at the company rose 4 percent in the second quarter.", ANY, None),
    ("ads.marker", "Die Anzeige gegen den Bürgermeister wurde am Freitag zurückgezogen.", ANY, None),
    # ads.affiliate_disclosure
    ("ads.affiliate_disclosure", "NOTE: The advertising disclaimer below does not apply to this article, which "
     "does not accept paid links.", ANY, "ads.affiliate_disclosure"),
    ("ads.affiliate_disclosure", "Advertising disclosure: We may receive compensation for some of the links in our "
     "stories. Thank you for supporting our newsroom and our advertisers.", ANY, "ads.affiliate_disclosure"),
    ("ads.affiliate_disclosure", "If you buy through our links, I may earn commissions at no extra cost to you.", ANY,
     "ads.affiliate_disclosure"),
    ("ads.affiliate_disclosure", "Affiliate links are used in this post.", ANY, "ads.affiliate_disclosure"),
    ("ads.affiliate_disclosure", "Disclosure: we may earn a commission from some of the products featured on "
     "this page.", ANY, "ads.affiliate_disclosure"),
    ("ads.affiliate_disclosure", "This post may contain affiliate links. As an Amazon Associate I earn from qualifying "
     "purchases.", ANY, "ads.affiliate_disclosure"),
    ("ads.affiliate_disclosure", "Für Links auf dieser Seite erhält die Redaktion ggf. eine Provision vom Händler.", ANY,
     "ads.affiliate_disclosure"),
    ("ads.affiliate_disclosure", "The retailer cut the commission it pays to sites that carry affiliate links by half "
     "on Tuesday.", ANY, None),
    ("ads.affiliate_disclosure", "Workers may receive compensation of up to 80 percent of their wages under the plan.",
     ANY, None),
    ("ads.affiliate_disclosure", "Regulators proposed new advertising disclosure rules for influencers on Monday.",
     ANY, None),
    # bylines.byline
    ("bylines.byline", "By Jane Doe", ANY, "bylines.byline"),
    ("bylines.byline", "By Tom Baker and Priya Nair, Reuters", ANY, "bylines.byline"),
    ("bylines.byline", "Tom Krisher, AP Auto Writer", ANY, "bylines.byline"),
    ("bylines.byline", "Priya Nair, senior political correspondent", ANY, "bylines.byline"),
    ("bylines.byline", "Paris, the capital of fashion and writers", ANY, None),
    ("bylines.byline", "Von Anna Schmidt", ANY, "bylines.byline"),
    ("bylines.byline", "Par Claire Dubois", ANY, "bylines.byline"),
    ("bylines.byline", "Jane Doe | Reuters", ANY, "bylines.byline"),
    ("bylines.byline", "Jane Doe, Staff Writer", ANY, "bylines.byline"),
    ("bylines.byline", "By the end of the year, inflation is expected to fall below 3 percent.", ANY, None),
    ("bylines.byline", "By Sunday evening, the fire had burned more than 2,000 hectares.", ANY, None),
    ("bylines.byline", "From Paris to Berlin, farmers blocked roads with tractors on Monday.", ANY, None),
    ("bylines.byline", "Por qué sube el precio del aceite", ANY, None),
    ("bylines.byline", "De Madrid a Barcelona en dos horas y media", ANY, None),
    # bylines.credit_line
    ("bylines.credit_line", "(Reporting by Greg Roe, Joshua Frank, Koh Gui Qing, with reporting by Herb Lash and "
     "Megan Davies, editing by Martin Howell)", ANY, "bylines.credit_line"),
    ("bylines.credit_line", "Reporting by Rod Campos; additional reporting by Stephanie Kelly and Gertrude "
     "Chavez-Dreyfuss; Editing by Nick Zieminski and Dan Grebler", ANY, "bylines.credit_line"),
    ("bylines.credit_line", "Keith Bradley contributed reporting from Hong Kong.", ANY, "bylines.credit_line"),
    ("bylines.credit_line", "Jane Doe and John Roe contributed to this report.", ANY, "bylines.credit_line"),
    ("bylines.credit_line", "Reporting by local media suggested the mayor would resign on Friday.", ANY, None),
    ("bylines.credit_line", "Several reporters contributed reporting from the scene.", ANY, None),
    ("bylines.credit_line", "Editing by hand takes hours, he said.", ANY, None),
    # bylines.dateline
    ("bylines.dateline", "Updated 3:45 PM ET", ANY, "bylines.dateline"),
    ("bylines.dateline", "Published 14 March 2024", ANY, "bylines.dateline"),
    ("bylines.dateline", "Thu June 13, 2024", ANY, "bylines.dateline"),
    ("bylines.dateline", "12.05.2019", ANY, "bylines.dateline"),
    ("bylines.dateline", "2019", ANY, "bylines.dateline"),
    ("bylines.dateline", "1.", ANY, None),
    ("bylines.dateline", "12", ANY, None),
    ("bylines.dateline", "$45.00", ANY, None),  # a price is no clock time
    ("bylines.dateline", "19.99", ANY, None),
    ("bylines.dateline", "Updated 10.30 am", ANY, "bylines.dateline"),
    ("bylines.dateline", "Aktualisiert am 12. März 2024, 14:30 Uhr", ANY, "bylines.dateline"),
    ("bylines.dateline", "On March 3, 2024, the court ruled in favour of the tenants.", ANY, None),
    ("bylines.dateline", "Updated at 1:23 p.m.", ANY, "bylines.dateline"),
    ("bylines.dateline", "125 ml", ANY, None),  # amounts with their units are no dates
    ("bylines.dateline", "10,79 g", ANY, None),
    ("bylines.dateline", "Wi-Fi 6", ANY, None),
    ("bylines.dateline", "3,2", ANY, None),
    ("bylines.dateline", "Published in 1998, the novel sold more than a million copies.", ANY, None),
    # bylines.meta_row
    ("bylines.meta_row", "Nov 18, 2019 at 9:24 pm ET • 2 min read", ANY, "bylines.meta_row"),
    ("bylines.meta_row", "Updated 3:45 PM | 12 comments", ANY, "bylines.meta_row"),
    ("bylines.meta_row", "Paris - The talks resumed on Monday.", ANY, None),
    ("bylines.meta_row", "Sport - Football - Premier League", ANY, None),
    # captions.prefixed
    ("captions.prefixed", "Image caption Taylor Swift's seventh album is the only one she owns the rights to", ANY,
     "captions.prefixed"),
    ("captions.prefixed", "Bildunterschrift: Der Bürgermeister bei der Eröffnung", ANY, "captions.prefixed"),
    ("captions.prefixed", "Caption contest winners were announced on Monday.", ANY, None),
    # captions.figure
    ("captions.figure", "Abbildung 4: Klassische Schwachschicht in einem Schneeprofil.", ANY, "captions.figure"),
    ("captions.figure", "Abb. 2: Der Gletscher im Jahr 1920", ANY, "captions.figure"),
    ("captions.figure", "Figure 1.2: Global temperature anomalies since 1880", ANY, "captions.figure"),
    ("captions.figure", "Abbildung 4 zeigt, dass die Temperaturen seit 1980 deutlich gestiegen sind.", ANY, None),
    ("captions.figure", "Figure skating: Hanyu wins gold in Beijing", ANY, None),
    ("captions.figure", "Under 2: Kinder bis zwei Jahre fahren in allen Bussen gratis.", ANY, None),
    # captions.enlarge_hint
    ("captions.enlarge_hint", "Das Netz der beteiligten Firmen. Zum Vergrößern auf das Bild klicken.", ANY,
     "captions.enlarge_hint"),
    ("captions.enlarge_hint", "Map of the flooded districts (click to enlarge)", ANY, "captions.enlarge_hint"),
    ("captions.enlarge_hint", "Users can click to see the full list of flooded districts on the city's website.", ANY,
     None),
    # social.follow
    ("social.follow", "Follow Newsbeat on Instagram, Facebook, Twitter and YouTube.", ANY, "social.follow"),
    ("social.follow", "Folgen Sie der Redaktion auf Instagram", ANY, "social.follow"),
    ("social.follow", "Follow her career on the national team closely, the coach said.", ANY, None),
    ("social.follow", "Follow The Daily Star on Twitter and Instagram @dailystar and on Facebook. Send us a message "
     "on WhatsApp or email us at the newsroom with your story tips and photos.", ANY, "social.follow"),
    ("social.follow", "Follow-up talks on Twitter were announced by the ministry.", ANY, None),
    ("social.follow", "Follow the money, investigators said, pointing to transfers from accounts in Cyprus and Latvia "
     "that were later discussed at length by dozens of users on Twitter and Facebook.", ANY, None),
    # captions.credit
    ("captions.credit", "Photo: AP", ANY, "captions.credit"),
    ("captions.credit", "(Getty Images)", ANY, "captions.credit"),
    ("captions.credit", "Credit: Ana Silva/AFP", ANY, "captions.credit"),
    ("captions.credit", "Foto: dpa", ANY, "captions.credit"),
    ("captions.credit", "Photo: iFixit", ANY, "captions.credit"),  # a brand that opens in small letters
    ("captions.credit", "Image: iStock/Getty Images Plus", ANY, "captions.credit"),
    ("captions.credit", "Storage: iCloud or a USB drive", ANY, None),
    ("captions.credit", "Firefighters try to contain the blaze near Almargem on Sunday. (Getty Images)", ANY,
     "captions.credit"),
    ("captions.credit", "Protesters gather outside parliament on Tuesday / Reuters", ANY, "captions.credit"),
    ("captions.credit", "The plant near the river was closed in 2019. John Smith/Reuters files", ANY, "captions.credit"),
    ("captions.credit", "Ein Reh am Waldrand im Morgennebel. (jdoe / iStock.com)", ANY, "captions.credit"),
    ("captions.credit", "Reuters files show the company was warned twice before the collapse.", ANY, None),
    ("captions.credit", "The photo went viral within hours of being posted.", ANY, None),
    ("captions.credit", "Health officials credited extra weekend clinics with the fall in waiting lists.", ANY, None),
    ("captions.credit", "Credit card debt rose to a record high in the second quarter.", ANY, None),
    ("captions.credit", "Credit...Doug Mills/The New York Times", ANY, "captions.credit"),
    ("captions.credit", "It will start at $44,000, not including a $7,500 federal tax credit.", ANY, None),
    # a credit word before a price, a number, code or nothing is no credit; a word of a path or of code neither
    ("captions.credit", "Blog, social & video: $3,999/month", ANY, None),
    ("captions.credit", "YouTube | $0.10 – $0.30 per view", ANY, None),
    ("captions.credit", "image: nginx:1.14.2", ANY, None),
    ("captions.credit", "Then add the following to your shell configuration file:", ANY, None),
    ("captions.credit", "$ sudoedit /etc/file", ANY, None),
    ("captions.credit", "class GZipMiddleware[source]", ANY, None),
    ("captions.credit", "Smoke rises over the port on Monday. Jane Doe/Reuters", ANY, "captions.credit"),
    # captions.label
    ("captions.label", "Getty Images", ANY, "captions.label"),
    ("captions.label", "AFP", ANY, "captions.label"),
    ("captions.label", "Reuters", ANY, "captions.label"),
    ("captions.label", "Reuters reported that the talks had stalled.", ANY, None),
    ("captions.label", "Source code for the app was published on Friday.", ANY, None),
    # consent.notice
    ("consent.notice", "We use cookies to improve your experience on our site.", ANY, "consent.notice"),
    ("consent.notice", "Accept all", ANY, "consent.notice"),
    ("consent.notice", "Diese Website verwendet Cookies.", ANY, "consent.notice"),
    ("consent.notice", "Please enable JavaScript to view this page.", ANY, "consent.notice"),
    ("consent.notice", "These are external links and will open in a new window", ANY, "consent.notice"),
    # a blog's comment form, in the words its software prints in each language
    ("consent.notice", "Save my name, email, and website in this browser for the next time I comment.", ANY, "consent.notice"),
    ("consent.notice", "Diese Website verwendet Akismet, um Spam zu reduzieren. Erfahre mehr darüber, wie deine "
     "Kommentardaten verarbeitet werden.", ANY, "consent.notice"),
    ("consent.notice", "Meinen Namen, E-Mail und Website in diesem Browser speichern, bis ich wieder kommentiere.", ANY,
     "consent.notice"),
    ("consent.notice", "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *", ANY,
     "consent.notice"),
    ("consent.notice", "Tu dirección de correo electrónico no será publicada.", ANY, "consent.notice"),
    ("consent.notice", "Der Bericht der Kommission wird nicht veröffentlicht, sagte eine Sprecherin am Montag.", ANY, None),
    ("consent.notice", "The browser maker said it would notify users of new security updates by email.", ANY, None),
    ("consent.notice", "Mehr über mich. Bitte beachte auch die Datenschutzerklärung von Google.", ANY, "consent.notice"),
    ("consent.notice", "Ich bin mit der Verarbeitung meiner Daten gemäß der Datenschutzerklärung einverstanden.", ANY,
     "consent.notice"),
    ("consent.notice", "Die Behörde prüft, ob die Datenschutzerklärung der App den Vorgaben der Verordnung genügt.", ANY,
     None),
    ("consent.notice", "She baked cookies for the volunteers at the shelter.", ANY, None),
    ("consent.notice", "The watchdog said the site set advertising cookies before users had given their consent.",
     ANY, None),
    ("consent.notice", "Read our Privacy Policy and Terms of Use.", ANY, "consent.notice"),
    # consent.terms_notice (text input only)
    ("consent.terms_notice", "By signing up via text, you accept to receive recurring automated marketing texts from "
     "the shop at the number provided and accept the Terms of Service, Messaging Terms and Privacy Policy. Msg "
     "frequency varies.", ANY, "consent.terms_notice"),
    ("consent.terms_notice", "The regulator fined the company because its new privacy settings were hidden behind "
     "five menus and most users never found the switch that stops the sharing of their location with advertisers.",
     ANY, None),
    # consent.form_notice (looks only at the last blocks: where="tail")
    ("consent.form_notice", "By submitting this form, you authorize the college and its representatives to contact "
     "you by phone, text or email.", TAIL, "consent.form_notice"),
    ("consent.form_notice", "US phone number only. Message and data rates may apply.", TAIL, "consent.form_notice"),
    ("consent.form_notice", "NameThis field is for validation purposes and should be left unchanged.", TAIL,
     "consent.form_notice"),
    ("consent.form_notice", "* Indicates a required field", TAIL, "consent.form_notice"),
    ("consent.form_notice", "Download and complete the form, then submit it by fax to the agency.", TAIL, None),
    ("consent.form_notice", "By submitting this form, you authorize the college to contact you.", ANY, None),
    # consent.rights_notice
    ("consent.stylesheet", ".css-1n9bdyh{position:relative;height:5.625rem;padding:0 1rem;display:flex}Products", ANY,
     "consent.stylesheet"),
    ("consent.stylesheet", "body { font-family: sans-serif; margin: 0; } header { background: purple; }", ANY, None),
    ("consent.stylesheet", "Ratio: 3:1; margin:wide; speed:high; the notes read like a recipe card.", ANY, None),
    ("consent.rights_notice", "DAS MAGAZIN 12/2019 Alle Rechte vorbehalten Vervielfältigung nur mit Genehmigung", ANY,
     "consent.rights_notice"),
    ("consent.rights_notice", "This material may not be published, broadcast, rewritten, or redistributed.", ANY,
     "consent.rights_notice"),
    ("consent.rights_notice", "Editora Nacional S.A. Todos los derechos reservados.", ANY, "consent.rights_notice"),
    ("consent.rights_notice", "The company said it reserved all rights to appeal the ruling.", ANY, None),
    ("consent.rights_notice", "Die Vervielfältigung der Noten ist nur mit Genehmigung des Verlags erlaubt, sagte der "
     "Richter.", ANY, None),
    # counters.count
    ("counters.count", "12 comments", ANY, "counters.count"),
    ("counters.count", "3 min read", ANY, "counters.count"),
    ("counters.count", "1.4K shares", ANY, "counters.count"),
    ("counters.count", "245 Kommentare", ANY, "counters.count"),
    ("counters.count", "12 comments were removed by moderators after the debate turned abusive.", ANY, None),
    ("counters.count", "3 readers wrote to the editor to complain.", ANY, None),
    # bylines.author_bio (looks only at the last blocks: where="tail")
    ("bylines.author_bio", "Jane Doe is a staff writer covering housing and city hall.", TAIL, "bylines.author_bio"),
    ("bylines.author_bio", "Ramsey Khalifeh is a general assignment reporter on the city desk.", TAIL,
     "bylines.author_bio"),
    ("bylines.author_bio", "Maria L. Santos is a professor of law at a state university and the author of two "
     "books on water rights.", TAIL, "bylines.author_bio"),
    ("bylines.author_bio", "Peter Huber ist Mathematiker, Fotograf und Blogger. Er lebt in Bern.", TAIL,
     "bylines.author_bio"),
    ("bylines.author_bio", "Claire Martin est journaliste indépendante, basée à Lyon.", TAIL, "bylines.author_bio"),
    ("bylines.author_bio", "Ana Ruiz es periodista y escritora.", TAIL, "bylines.author_bio"),
    ("bylines.author_bio", "Eduard Kovacs (@EduardKovacs) is the managing editor at SecurityWeek.", TAIL,
     "bylines.author_bio"),
    ("bylines.author_bio", "Lauren Vetter is a growth-focused marketing professional in health technology.", TAIL,
     "bylines.author_bio"),
    ("bylines.author_bio", "Jane Doe (pictured) is the managing editor of the paper, the court heard.", TAIL, None),
    ("bylines.author_bio", "Smith is a suspect in the case.", TAIL, None),
    ("bylines.author_bio", "Barack Obama is a former president of the United States.", TAIL, None),
    ("bylines.author_bio", "Tom Abrams was a producer on the first film and a writer on the second.", TAIL, None),
    ("bylines.author_bio", "The Times is committed to publishing letters to the editor.", TAIL, None),
    ("bylines.author_bio", "Jane Doe said she is a writer first and a politician second.", TAIL, None),
    ("bylines.author_bio", "Jane Doe is a staff writer covering housing and city hall.", ANY, None),
    ("bylines.author_bio", "Jane Doe is the health and fitness director at the magazine. She has covered wellness "
     "for 15 years.", TAIL, "bylines.author_bio"),
    ("bylines.author_bio", "Ana Lima is a skilled content creator with over five years of experience in SEO and "
     "digital marketing.", TAIL, "bylines.author_bio"),
    ("bylines.author_bio", "The director is a veteran of the stage.", TAIL, None),
    ("bylines.author_bio", "(Lena Park is an associate attorney at a law firm in Hartford.)", TAIL,
     "bylines.author_bio"),
    ("bylines.author_bio", "*Lena Park is a staff writer at the paper.", TAIL, "bylines.author_bio"),
    ("bylines.author_bio", "(The director is a veteran of the stage.)", TAIL, None),
    ("bylines.author_bio", "Omar Haddad is adjunct faculty at a state university and a physician in Ohio.", TAIL,
     "bylines.author_bio"),
    # promos.call_to_action (the article's end only)
    ("promos.call_to_action", "Get a demo", TAIL, "promos.call_to_action"),
    ("promos.call_to_action", "Free 14-day trial. No credit card required.", TAIL, "promos.call_to_action"),
    ("promos.call_to_action", "Enjoy the site? Donate via PayPal or become a patron on Patreon to keep it running.",
     TAIL, "promos.call_to_action"),
    ("promos.call_to_action", "Want to see how it works for your team? Request a demo today and bring personalised "
     "search to every one of your shoppers.", TAIL, None),
    ("promos.call_to_action", "Get a demo", ANY, None),
    ("promos.call_to_action", "The free trial lasts 30 days, after which the plan costs $9 a month.", TAIL, None),
    # promos.reader_call (the article's end only, a short block)
    ("promos.reader_call", "Enjoyed the post? Pin it for later!", TAIL, "promos.reader_call"),
    ("promos.reader_call", "Would you like to receive notifications about new posts?", TAIL, "promos.reader_call"),
    ("promos.reader_call", "Want more garden projects? Follow me on Instagram for the latest ones.", TAIL,
     "promos.reader_call"),
    ("promos.reader_call", "Folgen Sie uns auf Instagram!", TAIL, "promos.reader_call"),
    ("promos.reader_call", "Enjoyed the post? Pin it for later!", ANY, None),
    ("promos.reader_call", "Thanks for following along with this series over two years. What would you tell your "
     "younger self about the first job, and what did you learn the hard way? Let me know in the comments!", TAIL, None),
    ("promos.reader_call", "The readers' comments below the story were mostly kind, the editor said.", TAIL, None),
    # promos.dated_headline (the article's end only)
    ("promos.dated_headline", "A Mindful Approach to New Year's Resolutions - January 13, 2020", TAIL,
     "promos.dated_headline"),
    ("promos.dated_headline", "Top Yoga Retreats in Oregon for 2026 – November 27, 2025", TAIL, "promos.dated_headline"),
    ("promos.dated_headline", "The museum reopens - on March 3, after two years of work.", TAIL, None),
    ("promos.dated_headline", "Opening hours - 9:00 to 17:00", TAIL, None),
    ("promos.dated_headline", "Amsterdam Light Festival 29 November 2018 | 20 January 2019", TAIL, None),
    ("promos.dated_headline", "A Mindful Approach to New Year's Resolutions - January 13, 2020", ANY, None),
    # consent.disclaimer (the article's end only)
    ("consent.disclaimer", "This blog post is for informational purposes only and does not constitute legal advice.",
     TAIL, "consent.disclaimer"),
    ("consent.disclaimer", "AIA and G702 are registered trademarks of The American Institute of Architects.", TAIL,
     "consent.disclaimer"),
    ("consent.disclaimer", "The content of this blog is for general educational purposes and is not medical advice.",
     TAIL, "consent.disclaimer"),
    ("consent.disclaimer", "Nothing here should be used as a substitute for the advice of your own doctor.", TAIL,
     "consent.disclaimer"),
    ("consent.disclaimer", "The nurse said she gave medical advice to the family by phone.", TAIL, None),
    ("consent.disclaimer", "The views expressed by the author are her own.", TAIL, None),
    ("consent.disclaimer", "The regulator said the filing does not comply with the rules.", TAIL, None),
    ("consent.disclaimer", "This blog post is for informational purposes only and does not constitute legal advice.",
     ANY, None),
    # fragments.sources (the article's end only)
    ("fragments.sources", "References", TAIL, "fragments.sources"),
    ("fragments.sources", "Article Sources", TAIL, "fragments.sources"),
    ("fragments.sources", "Vogel AC, Black KJ. Brain imaging in routine psychiatric practice. 2019.", TAIL,
     "fragments.sources"),
    ("fragments.sources", "Smith, J. (2019, May 3). How water shapes cities. Retrieved from https://example.org/water",
     TAIL, "fragments.sources"),
    ("fragments.sources", "3. American Cancer Society (2021). Key statistics for oral cancers.", TAIL,
     "fragments.sources"),
    ("fragments.sources", "[2] https://example.org/2021/04/rust-in-android", TAIL, "fragments.sources"),
    ("fragments.sources", "1. In 2019 the company grew by 4 percent.", TAIL, None),
    ("fragments.sources", "Apple (2019) was the first to ship it.", TAIL, None),
    ("fragments.sources", "1) Star Wars fighter kit https://example.org/kit 2) Racing track https://example.org/t", TAIL,
     None),
    ("fragments.sources", "References", ANY, None),
    ("bylines.author_bio", "John Smith is a freelance journalist based in Nairobi.", TAIL, "bylines.author_bio"),
    ("bylines.author_bio", "Das Buch ist ein Roman der Autorin Anna Weber.", TAIL, None),
    ("bylines.author_bio", "About the author: Jane Roe writes on technology and industry from Leipzig.", TAIL,
     "bylines.author_bio"),
    ("bylines.author_bio", "Die Autorin ist Redakteurin im Ressort Wirtschaft.", TAIL, "bylines.author_bio"),
    ("bylines.author_bio", "L'auteur est professeur d'histoire à l'université de Lyon.", TAIL, "bylines.author_bio"),
    ("bylines.author_bio", "The author is a master of suspense, and the ending proves it.", TAIL, None),
    ("bylines.author_bio", "The author of the report said more money was needed.", TAIL, None),
    ("bylines.author_bio", "Im Zentrum ist die Autorin selbst, als Kind in Graz.", TAIL, None),
    # fragments.dangling_tail (looks only at the last block: where="tail")
    ("fragments.dangling_tail", "US President Barack Obama", TAIL, "fragments.dangling_tail"),
    ("fragments.dangling_tail", "Mayor Helen Carter", TAIL, "fragments.dangling_tail"),
    ("fragments.dangling_tail", "The council will vote again in May.", TAIL, None),
    ("fragments.dangling_tail", "“Mr Putin is not interested in being our partner”.", TAIL, None),
    ("fragments.dangling_tail", "US President Barack Obama", ANY, None),
    # promos.read_more
    ("promos.read_more", "Read more: Nurses vote to accept new pay offer", ANY, "promos.read_more"),
    ("promos.read_more", "Lesen Sie auch: Streik bei der Lufthansa legt Flughäfen lahm", ANY, "promos.read_more"),
    ("promos.read_more", "Lire aussi : La sécheresse menace les récoltes de blé", ANY, "promos.read_more"),
    ("promos.read_more", "Like this story? Share it with a friend!", ANY, "promos.read_more"),
    ("promos.read_more", "Like the bridge before it, the new one will carry four lanes of traffic.", ANY, None),
    ("promos.read_more", "Lee también: Los precios del alquiler suben un 12 %", ANY, "promos.read_more"),
    ("promos.read_more", "More than 3,000 people were ordered to leave their homes on Sunday.", ANY, None),
    ("promos.read_more", "Related talks in Geneva ended without an agreement on Thursday.", ANY, None),
    ("promos.read_more", "Copyright law has not kept pace with artificial intelligence, the judge said.", ANY, None),
    ("promos.read_more", "Unterstütze unser Magazin schon mit 3 Euro im Monat!", ANY, "promos.read_more"),
    ("promos.read_more", "Werde Mitglied und sichere dir exklusive Angebote!", ANY, "promos.read_more"),
    ("promos.read_more", "Unterstützung für die Bauern: Die Regierung sagt weitere Hilfen zu.", ANY, None),
    ("promos.read_more", "Werden Sie Mitglied der neuen Regierung?", ANY, None),
    ("promos.read_more", "Follow the money, investigators said.", ANY, None),
    # a button's call ("Learn more") is a teaser's; a sentence that starts so is the article's own
    ("promos.read_more", "Learn more", ANY, "promos.read_more"),
    ("promos.read_more", "Check out our app", ANY, "promos.read_more"),
    ("promos.read_more", "Learn more about the two degree programs offered online here.", ANY, None),
    ("promos.read_more", "Check out our picks for the best rental trucks in New York:", ANY, None),
    # promos.newsletter
    ("promos.newsletter", "Our morning briefing, delivered to your inbox at 7 a.m.", ANY, "promos.newsletter"),
    ("promos.newsletter", "Enter your email address to receive our morning briefing.", ANY, "promos.newsletter"),
    ("promos.newsletter", "Become a paid subscriber to unlock this piece and learn about:", ANY, "promos.newsletter"),
    ("promos.newsletter", "This story is exclusive to our premium members.", ANY, "promos.newsletter"),
    ("promos.newsletter", "Already have an account? Sign in here.", ANY, "promos.newsletter"),
    ("promos.newsletter", "Subscribers to the streaming service will pay 2 euros more a month from July.", ANY, None),
    ("promos.newsletter", "Breaking News Emails", ANY, "promos.newsletter"),
    ("promos.newsletter", "Wenn Sie inhaltliche Anmerkungen zu diesem Artikel haben, können Sie die Redaktion per "
     "E-Mail informieren.", ANY, "promos.newsletter"),
    ("promos.newsletter", "You have already subscribed.", ANY, "promos.newsletter"),
    ("promos.newsletter", "GET FOX BUSINESS ON THE GO BY CLICKING HERE", ANY, "promos.newsletter"),
    ("promos.newsletter", "Receba em seu email nosso guia completo e gratuito", ANY, "promos.newsletter"),
    ("promos.newsletter", "The agency issued news alerts to residents of the valley as the river rose on Sunday.", ANY, None),
    ("promos.newsletter", "Have a tip? Jane Doe may be reached at the newsroom. Follow her on Twitter.", ANY,
     "promos.newsletter"),
    ("promos.newsletter", "Police said they had no tip about the robbery before it happened on Monday.", ANY, None),
    ("promos.newsletter", "Die wichtigsten Nachrichten der Woche, jeden Freitag direkt in dein Postfach!", ANY,
     "promos.newsletter"),
    ("promos.newsletter", "Newsletteranmeldung", ANY, "promos.newsletter"),
    ("promos.newsletter", "Wenn du über Neuigkeiten aus dem Verein informiert werden willst, kannst du unseren "
     "Newsletter hier abonnieren.", ANY, "promos.newsletter"),
    ("promos.newsletter", "Mit unserem Newsletter nichts mehr verpassen!", ANY, "promos.newsletter"),
    ("promos.newsletter", "Keep an eye on your inbox for the latest sports news.", ANY, "promos.newsletter"),
    # a sign-up form's label only in a short block
    ("promos.newsletter", "Email address", ANY, "promos.newsletter"),
    ("promos.newsletter", "Enter email address", ANY, "promos.newsletter"),
    ("promos.newsletter", "We need an API that returns the hash and its proof for an email address.", ANY, None),
    ("promos.newsletter", "Members get a discount when they leave an email address at the till.", ANY, None),
    ("promos.newsletter", "An email with an activation link has been sent to you. Please activate your subscription "
     "by clicking on it.", ANY, "promos.newsletter"),
    ("promos.newsletter", "Join our mailing list for the best of the city every week.", ANY, "promos.newsletter"),
    ("promos.newsletter", "There was an error processing your subscription.", ANY, "promos.newsletter"),
    ("promos.newsletter", "Jede kleine Spende hilft uns, unabhängig zu bleiben!", ANY, "promos.newsletter"),
    ("promos.newsletter", "Das Magazin lesen oder verschenken und Vorteile sichern!", ANY, "promos.newsletter"),
    ("promos.newsletter", "Als Mitglied erhalten Sie exklusive Angebote!", ANY, "promos.newsletter"),
    ("promos.newsletter", "Die neue Ausgabe jetzt am Kiosk, im Abo oder als E-Paper erhältlich.", ANY,
     "promos.newsletter"),
    ("promos.newsletter", "Die Zeitung erscheint seit 2015 auch digital, die Auflage sank um ein Drittel.", ANY, None),
    ("promos.newsletter", "¿Sabías que tenemos canal de WhatsApp? Únete desde tu teléfono.", ANY, "promos.newsletter"),
    ("promos.newsletter", "Der Verein bittet um Spenden für die Opfer des Hochwassers.", ANY, None),
    ("promos.newsletter", "Der Verein hat den Newsletter eingestellt, weil ihn kaum noch jemand abonnieren wollte.",
     ANY, None),
    ("promos.newsletter", "El Gobierno abrió un canal de Telegram para informar sobre el estado de las carreteras.",
     ANY, None),
    ("promos.newsletter", "The newsletter, which has 40,000 readers, was founded by two former teachers.", ANY, None),
    # promos.section_heading
    ("promos.section_heading", "Related stories", ANY, "promos.section_heading"),
    ("promos.section_heading", "Most popular", ANY, "promos.section_heading"),
    ("promos.section_heading", "Kommentare", ANY, "promos.section_heading"),
    ("promos.section_heading", "Read This Next", ANY, "promos.section_heading"),
    ("promos.section_heading", "Articles en relation", ANY, "promos.section_heading"),
    ("promos.section_heading", "Verwandte Beiträge", ANY, "promos.section_heading"),
    ("promos.section_heading", "Artículos relacionados", ANY, "promos.section_heading"),
    ("promos.section_heading", "Verwandte Beiträge zur Reform wurden im Bundestag lange diskutiert.", ANY, None),
    ("promos.section_heading", "Popular anger over the price rises has grown in recent weeks.", ANY, None),
    ("promos.section_heading", "Comments made by the minister on Tuesday drew sharp criticism.", ANY, None),
    # social.widget_label
    ("social.widget_label", "Share", ANY, "social.widget_label"),
    ("social.widget_label", "Teilen", ANY, "social.widget_label"),
    ("social.widget_label", "Partager", ANY, "social.widget_label"),
    ("social.widget_label", "Compartir", ANY, "social.widget_label"),
    ("social.widget_label", "Tweet", ANY, "social.widget_label"),
    ("social.widget_label", "Share prices fell sharply on Monday after the profit warning.", ANY, None),
    ("social.widget_label", "Share buybacks planned for the autumn have been suspended.", ANY, None),
    ("social.widget_label", "Print sales fell by 12 percent last year.", ANY, None),
    # social.widget_row
    ("counters.reading_time", "Tempo de leitura: 1 minuto", ANY, "counters.reading_time"),
    ("counters.reading_time", "Lesezeit: 3 Min.", ANY, "counters.reading_time"),
    ("counters.reading_time", "Reading time matters less than you think, editors say.", ANY, None),
    ("social.contact", "@saraheneedleman", ANY, "social.contact"),
    ("social.contact", "Sarah.Needleman@example.com", ANY, "social.contact"),
    ("social.contact", "Write to the desk at news@example.com with tips.", ANY, None),
    ("social.widget_row", "Facebook Twitter Email", ANY, "social.widget_row"),
    ("social.widget_row", "Share | Tweet | Print", ANY, "social.widget_row"),
    ("social.widget_row", "Teilen Drucken Merken", ANY, "social.widget_row"),
    ("social.widget_label", "Diesen Beitrag teilen", ANY, "social.widget_label"),
    ("social.widget_row", "Facebook and Twitter were fined by the regulator.", ANY, None),
    ("social.share_link", "Click to share on Bluesky (Opens in new window) Bluesky", ANY, "social.share_link"),
    ("social.share_link", "Click to email a link to a friend (Opens in new window) Email", ANY, "social.share_link"),
    ("social.share_link", "Share via the pension plan rose to 40 percent this year.", ANY, None),
    # plain article sentences: no rule at all
    (None, "The city council voted 31 to 12 on Tuesday night to build a tram line.", ANY, None),
    (None, "„Wir sehen eine enorme Nachfrage auf dieser Strecke“, sagte eine Sprecherin.", ANY, None),
]


def _id(case: tuple) -> str:
    rule, text, where, expected = case
    short = re.sub(r"\W+", "_", text)[:40].strip("_")
    return f"{rule or 'none'}-{'pos' if expected else 'neg'}-{where}-{short}"


def _alone(name: str) -> frozenset[str]:
    """disabled_rules that leave only this rule."""
    return frozenset(rule_names() - {name})


@pytest.mark.parametrize("rule_name,text,where,expected", CASES, ids=[_id(c) for c in CASES])
def test_rule_table(rule_name: str | None, text: str, where: str, expected: str | None) -> None:
    target = Target.of(text)
    if rule_name is not None:  # the row's own rule, asked alone
        own = first_match(target, lexicon(), _alone(rule_name), where)
        assert (own is not None) == (expected == rule_name)
    hit = first_match(target, lexicon(), frozenset(), where)  # all rules, as the pipeline asks them
    assert (hit.name if hit else None) == expected


# Texts that several rules call noise: every rule that fires, in the order they are asked.  The first names the
# removal; disabled, it leaves the block to the next.
PRECEDENCE = [
    # a byline with its agency: the byline names it (its names feed the authors), not the agency's credit
    ("Jane Doe | Reuters", ANY, ["bylines.byline", "captions.credit"]),
    ("(Getty Images)", ANY, ["captions.credit", "captions.label"]),
    ("Save my name, email, and website in this browser for the next time I comment.", ANY,
     ["consent.notice", "promos.read_more"]),
    ("Werde Mitglied und sichere dir exklusive Angebote!", ANY, ["promos.read_more", "promos.newsletter"]),
    ("Related stories", ANY, ["promos.section_heading", "social.widget_label"]),
]


@pytest.mark.parametrize("text,where,firing", PRECEDENCE, ids=[p[0][:30] for p in PRECEDENCE])
def test_which_rule_names_a_block_several_rules_match(text: str, where: str, firing: list[str]) -> None:
    target = Target.of(text)
    assert [r.name for r in all_rules() if first_match(target, lexicon(), _alone(r.name), where)] == firing
    assert first_match(target, lexicon(), frozenset(), where).name == firing[0]
    assert first_match(target, lexicon(), frozenset(firing[:1]), where).name == firing[1]


def test_rules_run_family_by_family_in_the_stated_order_whatever_was_imported_first() -> None:
    import pkgutil
    import subprocess
    import sys

    import cleaner.rules

    modules = {m.name for m in pkgutil.iter_modules(cleaner.rules.__path__) if not m.name.startswith("_")}
    assert set(FAMILIES) == modules
    families = [r.name.split(".")[0] for r in all_rules()]
    assert sorted(families, key=FAMILIES.index) == families and set(families) == set(FAMILIES)
    for first in ("social", "ads", "fragments"):  # importing a family module first changes nothing
        code = (f"import cleaner.rules.{first}; from cleaner.rules import all_rules; "
                "print(' '.join(r.name for r in all_rules()))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
        assert out.split() == [r.name for r in all_rules()]


def test_table_covers_every_rule_both_ways() -> None:
    names = {r.name for r in all_rules()}
    positives = {rule for rule, _, _, expected in CASES if expected is not None}
    negatives = {rule for rule, _, _, expected in CASES if expected is None and rule}
    assert {expected for _, _, _, expected in CASES if expected} <= names
    assert names - positives == set(), "rules without a positive case"
    assert names - negatives == set(), "rules without a negative case"
    for rule, _, _, expected in CASES:
        assert expected in (None, rule)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.name)
def test_rule_has_docstring_and_family_name(rule) -> None:
    assert re.fullmatch(r"[a-z][a-z_]*\.[a-z][a-z_]*", rule.name), rule.name
    assert rule.doc, f"{rule.name} has no docstring"
    assert rule.where in ("any", "tail")


def test_rule_names_are_unique() -> None:
    names = [r.name for r in all_rules()]
    assert len(names) == len(set(names))


def test_a_disabled_rule_does_not_match() -> None:
    assert first_match(Target.of("Advertisement"), lexicon(), frozenset({"ads.marker"})) is None


ARTICLE = """Council approves new budget for schools

The city council approved on Tuesday a budget that raises spending on schools by 6 percent, the largest increase in a decade.

Advertisement

Teachers’ unions welcomed the decision but said class sizes in the poorer districts were still far too large.

The budget also includes money for repairing the roofs of eleven primary schools before the winter.
"""


def test_explain_names_the_rule_of_a_removed_fragment() -> None:
    result = CliRunner().invoke(cli, ["--explain"], input=ARTICLE)
    assert result.exit_code == 0, result.output
    assert 'removed by ads.marker: "Advertisement"' in result.stderr.splitlines()
    assert "Advertisement" not in result.stdout


def test_explain_names_the_tail_rule_of_a_call_to_the_reader() -> None:
    call = ("Did you find this report on the new budget useful? Share your thoughts on it with other parents in the "
            "comments below.")
    result = CliRunner().invoke(cli, ["--explain"], input=ARTICLE + "\n" + call + "\n")
    assert result.exit_code == 0, result.output
    assert any(line.startswith('removed by promos.reader_call: "Did you find this report')
               for line in result.stderr.splitlines())
    assert call not in result.stdout and "roofs of eleven primary schools" in result.stdout


BIO_ARTICLE = """Council approves new budget for schools

The city council approved on Tuesday a budget that raises spending on schools by 6 percent, the largest increase in a decade.

Teachers’ unions welcomed the decision but said class sizes in the poorer districts were still far too large.

{last}
"""


def test_a_closing_author_bio_goes_but_a_source_of_the_story_stays() -> None:
    bio = "Jane Roe is a staff writer covering education for the paper."
    article = clean(BIO_ARTICLE.format(last=bio), kind="text")
    assert bio not in article.paragraphs
    assert ("rules", "bylines.author_bio") in {(r.stage, r.rule) for r in article.removed}
    bylined = BIO_ARTICLE.format(last=bio).replace("\n\n", "\n\nJane Roe\n\n", 1)  # her byline: the author
    assert bio not in clean(bylined, kind="text").paragraphs
    source = "Jane Roe, who led the teachers' campaign, is a professor at the state university."
    named = BIO_ARTICLE.replace("welcomed the decision", "welcomed the decision, Jane Roe said,")
    last = "Jane Roe is a professor at the state university and a former teacher."
    assert last in clean(named.format(last=last), kind="text").paragraphs
    assert source in clean(BIO_ARTICLE.format(last=source), kind="text").paragraphs


BOX_ARTICLE = """Robots learn to sort recycling

A start-up in Leipzig has built a robot arm that sorts plastic bottles from cans faster than the workers it replaces, the company said on Monday.

The arm costs about 40,000 euros and is already used at three recycling plants in Saxony, where it sorts eight tonnes an hour.

{heading}

{note}
"""


def test_a_closing_about_the_author_box_goes_but_a_press_release_note_stays() -> None:
    box = BOX_ARTICLE.format(heading="About Moritz Keller", note="Since 2015 Moritz Keller has written on technology "
                             "and industry for the magazine. Before that he worked for a daily paper in Dresden.")
    article = clean(box, kind="text")
    assert not any("Moritz Keller" in p for p in article.paragraphs)
    assert {r.rule for r in article.removed} >= {"bylines.author_box"}
    assert "About Moritz Keller" in clean(box, kind="text", disabled_rules={"bylines.author_box"}).paragraphs
    named = box.replace("the company said", "Moritz Keller said")  # a source of the story, not its author
    assert "About Moritz Keller" in clean(named, kind="text").paragraphs
    release = BOX_ARTICLE.replace("A start-up", "Sorting Systems, a start-up,").format(
        heading="About Sorting Systems", note="Sorting Systems builds robots for recycling plants. Founded in "
        "2019, Sorting Systems employs 40 people in Leipzig.")
    assert "About Sorting Systems" in clean(release, kind="text").paragraphs


def test_target_tokens_are_the_phrase_words_of_the_normalised_text() -> None:
    # Target.of splits most texts by translate + split instead of the regex; the words must be PHRASE_WORD's,
    # a colon kept after a word and dropped after anything else, whatever the characters around the words.
    from cleaner.text import PHRASE_WORD, WIDE_PUNCTUATION

    assert not PHRASE_WORD.search(WIDE_PUNCTUATION)  # replaced by spaces: none may be part of a word
    marks = [*map(chr, range(128)), *WIDE_PUNCTUATION]
    texts = [f"ab{c}Cd {c}x_1{c}: {c}:y{c}" for c in marks] + [f"{c}{c}Related{c}:" for c in marks]
    texts += [f"“It’s here…” — «oui»\u00a0• {extra}" for extra in ("done.", "café", "Straße", "ΣΟΦΙΑ", "a:b")]
    texts += ["", " ", ":", "::a", "a::b", "a : b", "Photo: AP", "Credit: :x", "(Reuters) -", "__init__ x__y",
              "Don't stop: e-mail me@ex.com, 3.5%!", "Café “quoted” — naïve: oui", "東京 都: x", "a\u2009b:\u2009c"]
    for text in texts:
        t = Target.of(text)
        assert t.tokens == tuple(PHRASE_WORD.findall(t.norm)), text


def test_the_address_pattern_needs_an_at_sign_or_http() -> None:
    # authors.without_addresses skips the regex for a text with neither "@" nor "http": every alternative of the
    # pattern must hold one of them literally (and no flag may let "http" match "HTTP").
    from cleaner.authors import ADDRESSES, without_addresses

    assert ADDRESSES.flags & re.IGNORECASE == 0
    assert all("@" in alt or "https?://" in alt for alt in ADDRESSES.pattern.split("|"))
    assert without_addresses("Jane Doe jane@example.com | @jdoe | https://x.org/a | Reuters") == "Jane Doe  |  |  | Reuters"
    assert without_addresses("Jane Doe | HTTP Weekly") == "Jane Doe | HTTP Weekly"


def test_the_figure_caption_pattern_ends_within_its_reach() -> None:
    # captions.figure asks the regex only when a colon stands within _FIGURE_REACH characters: the longest match
    # must be that long, and each part of it one character longer must not match.
    from cleaner.rules.captions import _FIGURE, _FIGURE_REACH

    longest = "abcdefghijkl. 123.45a :"
    assert _FIGURE.match(longest).end() == len(longest) == _FIGURE_REACH
    for longer in ("abcdefghijklm. 123.45a :", "abcdefghijkl.. 123.45a :", "abcdefghijkl.  123.45a :",
                   "abcdefghijkl. 1234.45a :", "abcdefghijkl. 123.456a :", "abcdefghijkl. 123.45ab :",
                   "abcdefghijkl. 123.45a  :"):
        assert not _FIGURE.match(longer), longer


def test_a_rule_made_for_text_input_is_not_asked_about_htmls_blocks():
    from cleaner.rules import RuleBook

    assert RuleBook().first_matching_rule("Updated 3:45 PM ET") == "bylines.dateline"
    assert RuleBook(source="html").first_matching_rule("Updated 3:45 PM ET") is None
    assert RuleBook(source="html").first_matching_rule("Share on Facebook") == RuleBook().first_matching_rule(
        "Share on Facebook") is not None  # the others judge both


def test_long_prose_about_a_sites_terms_is_kept_on_html_but_a_long_terms_notice_goes_on_text():
    from cleaner.rules import RuleBook

    notice = ("By entering my email address, I accept to receive promotional emails from the shop and accept the "
              "Terms of Service, Privacy Policy and Financial Incentive Notice. Unsubscribe at any time from emails "
              "here, or read how we handle your data.")
    assert RuleBook().first_matching_rule(notice) == "consent.terms_notice"
    assert RuleBook(source="html").first_matching_rule(notice) is None
    assert RuleBook(source="html").first_matching_rule("See our privacy policy.") == "consent.notice"
    prose = ("If you decide to book a return ticket and not travel back, check the terms and conditions very, very "
             "carefully: some airlines cancel the rest of the trip and may even bill you the difference.")
    assert RuleBook(source="html").first_matching_rule(prose) is None



def test_a_table_s_row_is_neither_a_dangling_fragment_nor_a_photo_credit():
    """A table's last rows are its data, not a leftover caption at the article's end; and a row that names a
    photographer, or an image's source, is the table's, not a credit under a picture."""
    from cleaner.rules import RuleBook

    book = RuleBook(source="html")
    row, fragment = "48 | Maryland | $102.47", "US President Barack Obama"
    assert book.first_matching_rule(fragment, "p", where="tail") == "fragments.dangling_tail"
    assert book.first_matching_rule(row, "p", where="tail") == "fragments.dangling_tail"
    assert book.first_matching_rule(row, "tr", where="tail") is None
    credit_row = "YouTube | Long-form video (tutorials, reviews) | Photo: AP"
    assert book.first_matching_rule(credit_row, "p") == "captions.credit"
    assert book.first_matching_rule(credit_row, "tr") is None
