/// The free pages every corpus has (one of them a draft), dated relative to the corpus's day.
enum CorpusPages {
    static func all(asOf: CorpusDay) -> [CorpusPage] {
        [
            CorpusPage(slug: "about", title: "About Harbour Answers", description: "Who answers the questions, and how.",
                       date: asOf.adding(days: -2900), updated: asOf.adding(days: -40), body: """
                Harbour Answers is a place to ask about *everyday mental health*: worry, sleep, relationships, grief and work.
                Clinicians answer, and the community adds what helped them.

                - Read the [editorial policy](/pages/editorial-policy/) to see how answers are reviewed.
                - Read the [community guidelines](/pages/community-guidelines/) before you post.
                - Browse [every question](/questions/) or meet [the people who answer](/authors/).

                **If you are in crisis, contact your local emergency number now.** This site cannot help in an emergency.

                """),
            CorpusPage(slug: "editorial-policy", title: "Editorial policy", date: asOf.adding(days: -2800), body: """
                Every published thread is reviewed by a clinician or by the [Clinical Review Board](/authors/clinical-review-board/)
                at least every two years.[^review]

                | Step | Who | When |
                |---|---|---|
                | First answer | a licensed clinician | within a week |
                | Review | a reviewer or the board | before publishing |
                | Re-review | the board | every 730 days |

                ## Corrections

                Found a mistake? Write to us and we will correct it, and say so on the page.

                [^review]: Reviews older than that are listed in the site's review report until they are done.

                """),
            CorpusPage(slug: "community-guidelines", title: "Community guidelines · Règles de la communauté · 社区准则",
                       date: asOf.adding(days: -1500), body: """
                1. Be kind. Everyone here is going through something. 💙
                2. Share what helped *you*; don't diagnose others.
                3. No medical emergencies here — call your local number.

                > Soyez bienveillants. Sed amables. 请友善。 كونوا لطفاء. היו נחמדים.

                """),
            CorpusPage(slug: "privacy", title: "Privacy (draft)", date: asOf.adding(days: -10), draft: true, body: """
                This page is not finished yet. ~~We collect nothing.~~ We collect as little as we can.

                """),
        ]
    }
}
