window.sitegenSearch.manifest({"shards":65,"key":3,"perFragment":8});
