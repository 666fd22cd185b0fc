window.sitegenSearch.manifest({"shards":65,"perFragment":8});
