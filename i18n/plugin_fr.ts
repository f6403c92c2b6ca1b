<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AlgorithmChain</name>
    <message>
        <location filename="../dataterra_plugin/ui/background.py" line="69"/>
        <source>Cancelled: the remaining steps were not run.</source>
        <translation>Annulé : les étapes restantes n'ont pas été lancées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/background.py" line="78"/>
        <source>The algorithm {0} is not available: is the Data Terra provider enabled?</source>
        <translation>L'algorithme {0} n'est pas disponible : le fournisseur Data Terra est-il activé ?</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/background.py" line="83"/>
        <source>Could not prepare step {0}: {1}</source>
        <translation>Impossible de préparer l'étape {0} : {1}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/background.py" line="98"/>
        <source>Cancelled during step {0}: its outputs were not kept.</source>
        <translation>Annulé pendant l'étape {0} : ses sorties n'ont pas été conservées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/ui/background.py" line="100"/>
        <source>Step {0} failed; see the Processing log for details.</source>
        <translation>L'étape {0} a échoué ; voir le journal des traitements pour les détails.</translation>
    </message>
</context>
<context>
    <name>DataTerraAlgorithm</name>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="69"/>
        <source>This algorithm needs the Python package(s) {0}, which are not installed. Install them with the OSGeo4W shell or your system&apos;s package manager (for example: python3 -m pip install {1}) and restart QGIS.</source>
        <translation>Cet algorithme a besoin du ou des paquets Python {0}, qui ne sont pas installés. Installez-les avec le shell OSGeo4W ou le gestionnaire de paquets de votre système (par exemple : python3 -m pip install {1}) puis redémarrez QGIS.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="95"/>
        <source>Cancelled by the user: no output was written.</source>
        <translation>Annulé par l'utilisateur : aucune sortie n'a été écrite.</translation>
    </message>
</context>
<context>
    <name>DataTerraPlugin</name>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="121"/>
        <source>Data Terra</source>
        <translation>Data Terra</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="51"/>
        <source>Search the catalogues</source>
        <translation>Rechercher dans les catalogues</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="51"/>
        <source>Search the Data Terra hubs&apos; catalogues by place, date and keywords</source>
        <translation>Rechercher dans les catalogues des pôles Data Terra par lieu, date et mots-clés</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="54"/>
        <source>Fragmentation tools</source>
        <translation>Outils de fragmentation</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="54"/>
        <source>Connectivity tools</source>
        <translation>Outils de connectivité</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="54"/>
        <source>Biodiversity tools</source>
        <translation>Outils de biodiversité</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/plugin.py" line="121"/>
        <source>Enable the Processing plugin to use the Data Terra algorithms.</source>
        <translation>Activez l'extension Traitements pour utiliser les algorithmes Data Terra.</translation>
    </message>
</context>
<context>
    <name>DataTerraProvider</name>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="26"/>
        <source>Fragmentation</source>
        <translation>Fragmentation</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="27"/>
        <source>Connectivity</source>
        <translation>Connectivité</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="28"/>
        <source>Biodiversity</source>
        <translation>Biodiversité</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/algorithm_base.py" line="29"/>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/provider.py" line="57"/>
        <source>Data Terra: fragmentation, connectivity, biodiversity and catalogues</source>
        <translation>Data Terra : fragmentation, connectivité, biodiversité et catalogues</translation>
    </message>
</context>
</TS>
