/// The words the corpus is made of, written for this project: mental-health questions and community answers.
/// Placeholders in braces are filled by `Phrase.fill`: {topic}, {symptom}, {context}, {person}, {duration},
/// {help}, {feeling}, {friend}.
enum Vocabulary {
    /// One category of questions: its name as editors write it, its tags, and what its threads talk about.
    struct Category {
        var name: String
        var tags: [String]
        var topics: [String]      // noun phrases: "panic attacks"
        var symptoms: [String]    // after "I": "wake up at 4 a.m."
        var helps: [String]       // what an answer suggests
    }

    static let categories: [Category] = [
        Category(name: "Anxiety & Panic", tags: ["anxiety", "panic-attacks", "worry", "health-anxiety", "breathing"],
                 topics: ["panic attacks", "constant worry", "health anxiety", "a racing heart", "social anxiety", "fear of driving"],
                 symptoms: ["feel my chest tighten in crowded places", "check my pulse all day", "avoid the supermarket",
                            "replay every conversation at night", "panic on the motorway", "cancel plans at the last minute"],
                 helps: ["slow breathing with a longer out-breath", "naming five things you can see", "scheduled worry time",
                         "gradual exposure, one small step a week", "writing the worry down and coming back to it later"]),
        Category(name: "Sleep", tags: ["sleep", "insomnia", "nightmares", "shift-work", "naps"],
                 topics: ["insomnia", "waking at 4 a.m.", "nightmares", "sleeping too much", "night shifts", "a broken sleep schedule"],
                 symptoms: ["lie awake until 3 a.m.", "wake up exhausted", "fall asleep on the sofa at 8 p.m.",
                            "dread going to bed", "need three alarms to get up"],
                 helps: ["a fixed wake-up time, even on weekends", "getting up when you cannot sleep", "a wind-down hour without screens",
                         "daylight in the first hour after waking", "keeping the bed for sleep"]),
        Category(name: "Depression & Low Mood", tags: ["depression", "low-mood", "motivation", "loneliness", "self-care"],
                 topics: ["low mood", "feeling numb", "no motivation", "loneliness", "winter blues", "crying for no reason"],
                 symptoms: ["stay in bed until noon", "stopped answering messages", "feel nothing at my own birthday",
                            "can't enjoy music any more", "eat the same thing every day"],
                 helps: ["one small pleasant activity a day", "a walk outside before lunch", "telling one person how you feel",
                         "behavioural activation with a simple plan", "talking to your doctor about how long this has lasted"]),
        Category(name: "Relationships", tags: ["relationships", "communication", "trust", "breakups", "boundaries"],
                 topics: ["jealousy", "a long-distance relationship", "constant arguments", "a breakup", "trust after cheating"],
                 symptoms: ["check my partner's phone", "apologise for everything", "shut down when we argue",
                            "keep going back to my ex", "feel like a flatmate rather than a partner"],
                 helps: ["speaking about your own feelings rather than their faults", "a weekly check-in with no phones",
                         "agreeing on a time-out word for heated moments", "couples counselling", "a clear, kind boundary"]),
        Category(name: "Family & Parenting", tags: ["parenting", "teenagers", "family", "new-parents", "siblings"],
                 topics: ["a teenager who won't talk", "postnatal low mood", "sibling rivalry", "caring for an ageing parent", "tantrums"],
                 symptoms: ["shout at my kids and hate myself afterwards", "feel like a stranger in my own family",
                            "can't switch off from caring duties", "dread school mornings"],
                 helps: ["ten minutes of one-to-one time each day", "a predictable morning routine", "asking for respite care",
                         "naming the feeling before solving the problem", "a parenting group"]),
        Category(name: "Grief & Loss", tags: ["grief", "bereavement", "pet-loss", "miscarriage", "anniversaries"],
                 topics: ["grief", "losing a pet", "a miscarriage", "the anniversary of a death", "grieving a friendship"],
                 symptoms: ["still set the table for two", "can't go into my dad's room", "feel guilty when I laugh",
                            "avoid everything that reminds me of her"],
                 helps: ["letting grief come in waves", "a ritual on difficult dates", "a bereavement support group",
                         "writing a letter to the person you lost", "being patient with your own timeline"]),
        Category(name: "Work & Burnout", tags: ["burnout", "work-stress", "career", "perfectionism", "procrastination"],
                 topics: ["burnout", "Sunday-night dread", "perfectionism", "procrastination", "a toxic workplace", "impostor feelings"],
                 symptoms: ["answer emails at midnight", "freeze before every presentation", "feel sick on Sunday evenings",
                            "redo my work five times"],
                 helps: ["a hard stop at the end of the day", "telling your manager what you can realistically do",
                         "splitting tasks into 25-minute blocks", "a good-enough standard for routine work", "taking the leave you are owed"]),
        Category(name: "Therapy & Treatment", tags: ["therapy", "medication", "cbt", "finding-help", "costs"],
                 topics: ["starting therapy", "changing therapists", "antidepressants", "CBT", "EMDR", "online therapy"],
                 symptoms: ["don't know what to say in sessions", "worry my therapist is bored of me", "forget my medication",
                            "feel worse after sessions"],
                 helps: ["writing down two things to bring to each session", "telling your therapist what is not working",
                         "asking about sliding-scale fees", "a pill organiser and a phone reminder", "a free first consultation"]),
        Category(name: "Self-Esteem", tags: ["self-esteem", "body-image", "confidence", "self-compassion"],
                 topics: ["low self-esteem", "body image", "people-pleasing", "comparing myself to others", "self-criticism"],
                 symptoms: ["can't take a compliment", "delete every photo of myself", "say yes to everything",
                            "hear my mother's voice criticising me"],
                 helps: ["talking to yourself as you would to a friend", "a list of three things you did well today",
                         "practising one small no a week", "less time on comparison apps"]),
        Category(name: "Anger", tags: ["anger", "irritability", "conflict"],
                 topics: ["anger outbursts", "road rage", "irritability", "resentment"],
                 symptoms: ["slam doors over small things", "shout at other drivers", "stay angry for days"],
                 helps: ["leaving the room for twenty minutes", "noticing the first signs in your body", "exercise on stressful days"]),
        Category(name: "Trauma & PTSD", tags: ["trauma", "ptsd", "flashbacks", "safety"],
                 topics: ["flashbacks", "feeling jumpy", "an accident", "childhood memories"],
                 symptoms: ["jump at every loud noise", "avoid the street where it happened", "feel far away from my body"],
                 helps: ["grounding with your feet on the floor", "a trauma-focused therapist", "a safe place to rest each day"]),
    ]

    /// Categories whose threads are written in another language (names fold to ASCII slugs, as Qanda makes them).
    struct ForeignLanguage {
        var code: String
        var category: String
        var tags: [String]
        var titles: [(text: String, slug: String)]
        var sentences: [String]
        var askedBy: [String]
    }

    static let foreignLanguages: [ForeignLanguage] = [
        ForeignLanguage(code: "es", category: "Ansiedad y Pánico", tags: ["ansiedad", "pánico", "sueño"],
                        titles: [("¿Cómo dejo de preocuparme por todo?", "como-dejo-de-preocuparme-por-todo"),
                                 ("Ataques de pánico en el metro", "ataques-de-panico-en-el-metro"),
                                 ("No puedo dormir desde la mudanza", "no-puedo-dormir-desde-la-mudanza"),
                                 ("¿Es normal sentir ansiedad después de un año difícil?", "es-normal-sentir-ansiedad-despues-de-un-ano-dificil")],
                        sentences: ["Hace meses que me despierto con el corazón acelerado.", "Mi familia dice que exagero, pero no puedo más.",
                                    "Probé la respiración lenta y me ayudó un poco.", "¿Alguien más ha pasado por esto?",
                                    "Gracias por leerme. 🙏"],
                        askedBy: ["Lucía", "Anónimo", "Estudiante en Sevilla"]),
        ForeignLanguage(code: "fr", category: "Santé mentale au quotidien", tags: ["stress", "épuisement", "famille"],
                        titles: [("Épuisé après la naissance de notre fille", "epuise-apres-la-naissance-de-notre-fille"),
                                 ("Comment parler de thérapie à mes parents ?", "comment-parler-de-therapie-a-mes-parents"),
                                 ("Je n'arrive plus à me concentrer au travail", "je-narrive-plus-a-me-concentrer-au-travail")],
                        sentences: ["Depuis quelques semaines, je me sens complètement dépassée.", "Mon médecin m'a conseillé d'en parler ici.",
                                    "J'ai essayé la méditation, sans grand succès.", "Est-ce que ça finit par passer ?",
                                    "Merci d'avance pour vos réponses."],
                        askedBy: ["Hélène", "Un père fatigué", "Anonyme"]),
        ForeignLanguage(code: "de", category: "Schlaf und Erschöpfung", tags: ["schlaf", "müdigkeit", "burnout"],
                        titles: [("Ständig müde trotz acht Stunden Schlaf", "standig-mude-trotz-acht-stunden-schlaf"),
                                 ("Grübeln vor dem Einschlafen – was hilft?", "grubeln-vor-dem-einschlafen-was-hilft")],
                        sentences: ["Ich wache jeden Morgen völlig erschöpft auf.", "Meine Ärztin hat nichts Körperliches gefunden.",
                                    "Abends kreisen meine Gedanken um die Arbeit.", "Hat jemand ähnliche Erfahrungen gemacht?"],
                        askedBy: ["Jörg", "Anonym"]),
        ForeignLanguage(code: "ja", category: "Community Café ☕", tags: ["international", "sleep"],
                        titles: [("眠れない夜が続いています", "nemurenai-yoru-ga-tsuzuite-imasu"),
                                 ("職場の人間関係に疲れました", "shokuba-no-ningen-kankei-ni-tsukaremashita")],
                        sentences: ["最近、夜中に何度も目が覚めます。", "仕事のことを考えると胸が苦しくなります。",
                                    "同じような経験をした方はいますか？", "よろしくお願いします。"],
                        askedBy: ["さくら", "匿名"]),
        ForeignLanguage(code: "zh", category: "Community Café ☕", tags: ["international", "anxiety"],
                        titles: [("考试前总是焦虑怎么办？", "kaoshi-qian-zongshi-jiaolu-zenmeban"),
                                 ("和父母沟通很困难", "he-fumu-goutong-hen-kunnan")],
                        sentences: ["每次考试前我都睡不着。", "我不知道该怎么跟家人说。", "谢谢大家的建议。"],
                        askedBy: ["小林", "匿名用户"]),
        ForeignLanguage(code: "ar", category: "Community Café ☕", tags: ["international", "family"],
                        titles: [("كيف أتعامل مع القلق قبل الامتحانات؟", "kayfa-ataamal-maa-alqalaq"),
                                 ("أشعر بالوحدة بعد الانتقال إلى مدينة جديدة", "ashur-bilwahda-bad-alintiqal")],
                        sentences: ["أشعر بالتوتر كل صباح قبل الذهاب إلى العمل.", "لا أعرف مع من أتحدث عن هذا.",
                                    "شكراً لكم على المساعدة."],
                        askedBy: ["ليلى", "مجهول"]),
        ForeignLanguage(code: "he", category: "Community Café ☕", tags: ["international", "grief"],
                        titles: [("איך מתמודדים עם אבל אחרי שנה?", "eich-mitmodedim-im-evel"),
                                 ("קשה לי לישון מאז המעבר", "kashe-li-lishon-meaz-hamaavar")],
                        sentences: ["עברה שנה ועדיין קשה לי מאוד.", "אני לא יודעת למי לפנות.", "תודה שקראתם."],
                        askedBy: ["נועה", "אנונימי"]),
    ]

    static let titleTemplates = [
        "How do I cope with {topic} {context}?",
        "Is it normal to {symptom} {context}?",
        "Why do I {symptom} {context}?",
        "{Topic} {context}: where do I even start?",
        "Can therapy help with {topic} {context}?",
        "My {person} says I {symptom}. Are they right?",
        "Struggling with {topic} for {duration}",
        "Should I see someone about {topic} {context}?",
        "Update: {topic} after {duration}",
        "I {symptom} {context} and I'm tired of it",
        "What actually helps with {topic} {context}?",
        "{Topic} {context} — am I overreacting?",
        "My {person} and {topic}: how do I help?",
        "Does anyone else {symptom} {context}? 😔",
    ]
    /// Around a title, as forum posters write them (empty most of the time).
    static let titlePrefixes = ["", "", "", "", "", "", "Help: ", "Advice needed: ", "Long post, sorry: ", "Quick question: ",
                                "Serious question: ", "Throwaway: ", "Not sure where else to ask: ", "First post: "]
    static let titleSuffixes = ["", "", "", "", "", "", " (long)", " — 29F", " — 41M", " (UK)", " 🙏", " (any advice welcome)",
                                " — parent here", " (student)", " — sorry, it's a vent", " (60+)"]

    static let contexts = [
        "at work", "after a breakup", "as a new parent", "in my twenties", "in my fifties", "during exams",
        "at night", "on weekends", "after moving abroad", "since the pandemic", "while working from home",
        "after retiring", "in a new city", "during the holidays", "with a chronic illness", "as a student",
        "after a promotion", "in winter", "while caring for my mum", "after a car accident", "at university",
        "after a diagnosis", "since my divorce", "after losing my job", "as a single parent", "on night shifts",
        "since starting a new job", "as a teacher", "in my first year of marriage", "after surgery",
    ]
    static let people = ["partner", "mum", "dad", "best friend", "sister", "brother", "husband", "wife", "manager", "flatmate", "doctor", "son", "daughter"]
    static let durations = ["two weeks", "three months", "six months", "a year", "almost two years", "five years", "as long as I can remember"]
    static let feelings = ["exhausted", "on edge", "numb", "overwhelmed", "lonely", "ashamed", "hopeful", "frustrated", "stuck"]
    /// Friends named in bodies: accents, apostrophes and scripts other than Latin, as real posts have them.
    static let friends = ["Siobhán", "José", "Zoë", "Łukasz", "Ngozi", "Søren", "Chloé", "Mehmet", "Anaïs", "Björn", "Ayşe", "美咲", "Dvořák's fan club"]

    static let askers = ["Anonymous", "Worried mum", "Night owl", "Throwaway account 🌧️", "Student, 19", "New dad", "Tired nurse",
                         "Jamie", "Café owner", "Long-time lurker", "María José", "Someone who's trying", "Grandad Ted"]

    // Question bodies.
    static let questionOpenings = [
        "For {duration} now I {symptom}, and it's starting to affect everything.",
        "I'm not sure this is the right place to ask, but I {symptom}.",
        "Some background: I'm in my thirties, I work full time, and lately I feel {feeling} most days.",
        "My {person} noticed before I did that something was off.",
        "I've read a lot about {topic}, but nothing seems to describe exactly what happens to me.",
        "This is my first post here. I {symptom} {context}.",
        "Everything looks fine from the outside — good job, kind {person} — yet I feel {feeling}.",
    ]
    static let questionMiddles = [
        "It usually gets worse {context}.",
        "My {person} says I should just relax, which doesn't help.",
        "My friend {friend} thinks I should talk to someone, but I'm not sure it's serious enough.",
        "I tried {help}, and it helped for a few days.",
        "Some days are fine, and then out of nowhere I feel {feeling} again.",
        "I don't want to take medication if I can avoid it, but I'm open to it.",
        "I can't afford weekly therapy right now, so any advice is welcome.",
        "Honestly, I'm {feeling}, and I'm tired of pretending I'm not.",
        "The worst part is that I know it doesn't make sense, and I still can't stop.",
        "It started {context}, and it never really went away.",
    ]
    static let questionClosings = [
        "Is this something that gets better on its own?", "What would you do in my place?", "Where do I start?",
        "Is something wrong with me?", "Any advice is appreciated. Thank you for reading. 💙",
        "Has anyone been through this and come out the other side?", "Should I be worried?",
    ]
    static let quotes = ["You're overthinking it.", "Everyone feels like that sometimes.", "Just go to bed earlier.",
                         "It's all in your head.", "Have you tried yoga?"]

    // Answers by clinicians.
    static let expertOpenings = [
        "Thank you for writing this down; it takes courage to ask.", "What you describe is very common, and it is treatable.",
        "First, your reaction makes sense given what you have been carrying.", "I'm glad you reached out before things got worse.",
        "Many of the people I work with describe {topic} in almost the same words.",
    ]
    static let expertExplanations = [
        "{Topic} tends to grow when we fight it and to shrink when we make room for it.",
        "When something has gone on for {duration}, it can start to feel like part of who you are, but it is a pattern, not a trait.",
        "Our bodies are built to react to danger; with {topic} that alarm goes off when there is no fire.",
        "Feeling {feeling} is a signal worth listening to, not a personal failing.",
        "Avoidance brings relief in the moment and makes the fear larger over time.",
        "Sleep, mood and stress feed each other, so a small change in one often helps the others.",
    ]
    static let expertSuggestions = [
        "I often suggest *{help}*, starting small and being patient with yourself.",
        "Consider {help}; it sounds simple, but it works better than most people expect.",
        "A good first step is **{help}**, for two weeks, before judging whether it helps.",
        "If you have not tried it yet, {help} is a good place to start.",
        "Something as small as {help} can make a real difference over time.",
    ]
    static let expertClosings = [
        "If things get worse, or you have thoughts of harming yourself, please contact your doctor or a crisis line today.",
        "Take care of yourself, and don't hesitate to come back with an update.",
        "A licensed therapist can help you build a plan that fits your life.",
        "Be gentle with yourself while you try these — change takes weeks, not days.",
    ]
    static let headings = ["What is going on", "What can help", "When to get more help", "A plan for the next two weeks", "Why this happens"]
    static let footnotes = [
        "Most studies of this look at adults; teenagers may respond differently.",
        "Your doctor can check for physical causes such as thyroid problems or anaemia.",
        "“Exposure” means facing a feared situation on purpose, in small, planned steps.",
        "Apps are no substitute for care, but they can be a useful reminder.",
    ]

    // Answers from the community.
    static let communityReplies = [
        "Same here. You're not alone in this. 💙", "Sending you a hug 🤗 — it does get better.",
        "I went through something very similar {context}. What helped me most was {help}.",
        "~~I thought I was the only one.~~ Reading this thread, clearly I'm not!",
        "My {person} had the same thing for {duration}. Therapy helped a lot, even if the first session felt awkward.",
        "Following this thread — I {symptom} too.", "Thank you for posting this. I felt {feeling} reading it, in a good way.",
        "Have you talked to your GP? Mine was kinder about it than I expected.",
        "One thing that worked for me: {help}. Not a miracle, but a start. 🌱",
        "Not a professional, just someone who's been there: be patient with yourself.",
        "Merci pour ce partage, ça m'aide aussi. 🇫🇷", "¡Ánimo! Yo también pasé por eso.", "頑張ってください！",
    ]

    // People.
    static let givenNames: [(display: String, ascii: String)] = [
        ("Amara", "amara"), ("Benedikt", "benedikt"), ("Chloé", "chloe"), ("Dmitri", "dmitri"), ("Elif", "elif"),
        ("Farah", "farah"), ("Gabriel", "gabriel"), ("Hana", "hana"), ("Inés", "ines"), ("Jonah", "jonah"),
        ("Kwame", "kwame"), ("Lena", "lena"), ("Marie-Claire", "marie-claire"), ("Nikolai", "nikolai"), ("Oluwaseun", "oluwaseun"),
        ("Priya", "priya"), ("Quentin", "quentin"), ("Rosa", "rosa"), ("Søren", "soren"), ("Thandiwe", "thandiwe"),
        ("Uma", "uma"), ("Valentina", "valentina"), ("Wei", "wei"), ("Ximena", "ximena"), ("Yusuf", "yusuf"),
        ("Zoë", "zoe"), ("Łucja", "lucja"), ("Björn", "bjorn"), ("Aroha", "aroha"), ("Mateo", "mateo"),
        ("Siobhán", "siobhan"), ("Ngozi", "ngozi"), ("Hiroshi", "hiroshi"), ("Anaïs", "anais"), ("Kristina", "kristina"),
    ]
    static let familyNames: [(display: String, ascii: String)] = [
        ("Adeyemi", "adeyemi"), ("Bergström", "bergstrom"), ("Castellanos", "castellanos"), ("Dubois", "dubois"),
        ("Eriksen", "eriksen"), ("Fernández", "fernandez"), ("Goldberg", "goldberg"), ("Horvat", "horvat"),
        ("Iwasaki", "iwasaki"), ("Jovanović", "jovanovic"), ("Kowalczyk", "kowalczyk"), ("Lindqvist", "lindqvist"),
        ("Mbeki", "mbeki"), ("Nakamura", "nakamura"), ("O'Connell", "oconnell"), ("Petrov", "petrov"),
        ("Quispe", "quispe"), ("Rahman", "rahman"), ("Szabó", "szabo"), ("Tanaka", "tanaka"), ("Umeh", "umeh"),
        ("van der Berg", "van-der-berg"), ("Wójcik", "wojcik"), ("Yilmaz", "yilmaz"), ("Zimmermann", "zimmermann"),
        ("Nguyễn", "nguyen"), ("Okafor", "okafor"), ("Marchetti", "marchetti"), ("Pelletier", "pelletier"),
    ]
    /// Names written family name first, without a space (display, given, family, ASCII id).
    static let eastAsianNames: [(given: String, family: String, id: String)] = [
        ("芳", "王", "wang-fang"), ("美咲", "佐藤", "sato-misaki"), ("서연", "김", "kim-seo-yeon"), ("伟", "李", "li-wei"), ("健太", "鈴木", "suzuki-kenta"),
    ]
    /// Right-to-left names (given, family, ASCII id).
    static let rightToLeftNames: [(given: String, family: String, id: String)] = [
        ("ليلى", "حداد", "layla-haddad"), ("عمر", "الخطيب", "omar-al-khatib"), ("נועה", "כהן", "noa-cohen"), ("איתי", "לוי", "itai-levi"),
    ]
    static let suffixes = ["Jr.", "III", "Sr."]
    static let credentials = ["Ph.D.", "PsyD", "LCSW", "LMFT", "MD", "RN", "MSW", "LPC", "M.Sc.", "Ph.D., LCSW", "MD, FRCPC", "Dr. med.", "PsyD, ABPP"]
    static let roles = ["Clinical psychologist", "Psychiatrist", "Sleep specialist", "Family therapist", "Psychiatric nurse",
                        "Licensed clinical social worker", "Grief counsellor", "Trauma therapist", "Assistant Professor of Psychology"]
    static let affiliations = ["Riverside Community Clinic", "Université de Lyon", "Universidad de Granada", "Northgate Sleep Centre",
                               "Kōwhai Health Trust", "Institut für Psychotherapie Köln", "東京こころの診療所", "Lakeside University Hospital"]
    static let communityRoles = ["Peer support volunteer", "Community moderator", "Member since 2019", "Caregiver and forum regular"]
    static let hobbies = ["baking sourdough", "trail running", "playing the cello", "birdwatching", "restoring old bicycles",
                          "learning Japanese", "gardening", "writing poetry", "bouldering"]

    static let organizations: [(name: String, id: String, bio: String)] = [
        ("Clinical Review Board", "clinical-review-board",
         "The board of licensed clinicians that reviews every answer for accuracy and safety. See the [editorial policy](/pages/editorial-policy/)."),
        ("Peer Support Team", "peer-support-team", "Trained volunteers who moderate the community and check that threads stay kind and safe."),
        ("Comité éditorial de santé", "comite-editorial", "Le comité qui relit les fils en français et en espagnol. 🩺"),
    ]
}
