(window.sitegenPreviews = window.sitegenPreviews || {})["relations/"] = {
"china--russia": ["China and Russia","Rivalry (2019); China as Russia’s strategic counterweight, Russia as China’s junior partner, Strategic partnership (2023)."],
"china--united-states": ["China and the United States","Rivalry (2023)."],
"iran--russia": ["Iran and Russia","Strategic partnership (2001); Situational alliance, Cautious partnership, Tactical alliance, Iran as Russia’s bargaining chip (2019)."],
"russia--turkey": ["Russia and Turkey","Situational alliance, Ad hoc alliance (2019)."],
"russia--united-states": ["Russia and the United States","Strategic partnership, Tactical alliance, Coalition, Russia as the United States’ junior partner, Russia as the United States’ second-tier ally (2002); Rivalry (2024)."],
"saudi-arabia--united-states": ["Saudi Arabia and the United States","Saudi Arabia as the United States’ strategic ally (2002)."],
"turkey--united-states": ["Turkey and the United States","Military alliance (2019)."]
};
