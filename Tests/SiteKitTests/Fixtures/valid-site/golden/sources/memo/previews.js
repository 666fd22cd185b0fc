(window.sitegenPreviews = window.sitegenPreviews || {})["sources/memo/"] = {
"": ["A Memo on Allies · May 2002","A short memo about Russia and the United States."],
"p1": ["A Memo on Allies, ¶1","Russia and the United States became allies—again for a moment, said Ivanov; the memo calls Russia a second-tier ally of the United States."],
"p2": ["A Memo on Allies, ¶2","Actor Role Russia partner"],
"p3": ["A Memo on Allies, ¶3","The Russian International Affairs Council disagreed with “strategic allies” talk."],
"n-allies-again": ["Note 1 · Claim to weigh · ¶1","A claim to weigh, made in ¶1."],
"n-second-tier": ["Note 2 · Term · ¶1","The memo ranks Russia below the first tier; see Second-tier ally."]
};
