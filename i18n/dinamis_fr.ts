<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>Dinamis</name>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="76"/>
        <source>DINAMIS profile</source>
        <translation>Profil DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="83"/>
        <source>My organisation has subscribed to DINAMIS</source>
        <translation>Mon organisme a adhéré à DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="90"/>
        <source>User type</source>
        <translation>Type d'utilisateur</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="91"/>
        <source>Institution</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="92"/>
        <source>Contact e-mail</source>
        <translation>Courriel de contact</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="94"/>
        <source>French partner (foreign scientists)</source>
        <translation>Partenaire français (scientifiques étrangers)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="95"/>
        <source>Airbus R&amp;D agreement (private R&amp;D)</source>
        <translation>Accord R&amp;D d'Airbus (R&amp;D privée)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="96"/>
        <source>Public contract reference (contractors)</source>
        <translation>Référence du marché public (prestataires)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="97"/>
        <source>Ordering server URL (optional)</source>
        <translation>URL du serveur de commande (facultatif)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="98"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="104"/>
        <source>What you may obtain, and why:</source>
        <translation>Ce que vous pouvez obtenir, et pourquoi :</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="143"/>
        <source>Give the name of your institution.</source>
        <translation>Indiquez le nom de votre organisme.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="187"/>
        <source>DINAMIS orders</source>
        <translation>Commandes DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="245"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="216"/>
        <source>Purpose</source>
        <translation>Objet</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="217"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="220"/>
        <source>Profile…</source>
        <translation>Profil…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="220"/>
        <source>AOI from selection</source>
        <translation>Zone depuis la sélection</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="220"/>
        <source>Draw AOI</source>
        <translation>Dessiner la zone</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="229"/>
        <source>State your profile, then take or draw an area of interest.</source>
        <translation>Indiquez votre profil, puis prenez ou dessinez une zone d'intérêt.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="233"/>
        <source>Check and estimate</source>
        <translation>Vérifier et estimer</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="234"/>
        <source>Submit order</source>
        <translation>Envoyer la commande</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="235"/>
        <source>Request package…</source>
        <translation>Dossier de demande…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="236"/>
        <source>Open DINAMIS request page</source>
        <translation>Ouvrir la page de demande DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="245"/>
        <source>Id</source>
        <translation>N°</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="245"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="245"/>
        <source>Area (km²)</source>
        <translation>Surface (km²)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="245"/>
        <source>Quota</source>
        <translation>Quota</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="245"/>
        <source>Server id</source>
        <translation>N° serveur</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="245"/>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="261"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="261"/>
        <source>Download and load</source>
        <translation>Télécharger et charger</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="261"/>
        <source>Cancel order</source>
        <translation>Annuler la commande</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="261"/>
        <source>Show footprints</source>
        <translation>Afficher les emprises</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="315"/>
        <source>DINAMIS order footprints</source>
        <translation>Emprises des commandes DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="328"/>
        <source>The area of interest is empty: draw a polygon or select a feature.</source>
        <translation>La zone d'intérêt est vide : dessinez un polygone ou sélectionnez une entité.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="336"/>
        <source>Select a polygon layer and one of its features first.</source>
        <translation>Sélectionnez d'abord une couche de polygones et l'une de ses entités.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="348"/>
        <source>Click the vertices of the area; right-click to finish.</source>
        <translation>Cliquez les sommets de la zone ; clic droit pour terminer.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="501"/>
        <source>State your DINAMIS profile first (Profile…).</source>
        <translation>Indiquez d'abord votre profil DINAMIS (Profil…).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="362"/>
        <source>Not available to your profile: {0}</source>
        <translation>Non disponible pour votre profil : {0}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="365"/>
        <source>Take or draw an area of interest first.</source>
        <translation>Prenez ou dessinez d'abord une zone d'intérêt.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="376"/>
        <source>Area {0:.2f} km² (WGS 84 ellipsoid), {1} vertices; estimated quota {2:.2f} {3}.</source>
        <translation>Surface {0:.2f} km² (ellipsoïde WGS 84), {1} sommets ; quota estimé {2:.2f} {3}.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="409"/>
        <source>Submitting DINAMIS order</source>
        <translation>Envoi de la commande DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="418"/>
        <source>Refreshing DINAMIS orders</source>
        <translation>Actualisation des commandes DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="425"/>
        <source>Select a delivered order in the table.</source>
        <translation>Sélectionnez une commande livrée dans le tableau.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="428"/>
        <source>Downloading DINAMIS products</source>
        <translation>Téléchargement des produits DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="444"/>
        <source>Cancelling DINAMIS order</source>
        <translation>Annulation de la commande DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="517"/>
        <source>New folder for the request package</source>
        <translation>Nouveau dossier pour la demande</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="470"/>
        <source>Request package written to {0}: attach its files to the DINAMIS request form.</source>
        <translation>Dossier de demande écrit dans {0} : joignez ses fichiers au formulaire de demande DINAMIS.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="544"/>
        <source>Unexpected error: {0}</source>
        <translation>Erreur inattendue : {0}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="245"/>
        <source>Path</source>
        <translation>Voie</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="245"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="272"/>
        <source>Save as draft</source>
        <translation>Enregistrer comme brouillon</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="272"/>
        <source>Request package for the selected draft…</source>
        <translation>Dossier de demande du brouillon sélectionné…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="284"/>
        <source>Request and orders</source>
        <translation>Demande et commandes</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="285"/>
        <source>Search images</source>
        <translation>Rechercher des images</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="486"/>
        <source>Draft {0} saved in the order book.</source>
        <translation>Brouillon {0} enregistré dans le carnet de commandes.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="497"/>
        <source>Select a draft in the order book table.</source>
        <translation>Sélectionnez un brouillon dans le tableau du carnet de commandes.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="506"/>
        <source>Order {0} is {1} or may already have reached the ordering server: only a draft never sent can go through the web request page.</source>
        <translation>La commande {0} est à l'état {1} ou a peut-être déjà atteint le serveur de commande : seul un brouillon jamais envoyé peut passer par la page de demande web.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="510"/>
        <source>Order {0} already went to the web request path ({1}): use that package, so that the request is not sent twice.</source>
        <translation>La commande {0} est déjà passée par la demande web ({1}) : utilisez ce dossier, pour que la demande ne soit pas envoyée deux fois.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="530"/>
        <source>Request package of order {0} written to {1}; attach its files to the DINAMIS request form opened in your browser.</source>
        <translation>Dossier de demande de la commande {0} écrit dans {1} ; joignez ses fichiers au formulaire de demande DINAMIS ouvert dans votre navigateur.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/ui.py" line="397"/>
        <source>No ordering server is configured: set its URL in the profile, or use 'Request package…' and the DINAMIS request page.</source>
        <translation>Aucun serveur de commande n'est configuré : indiquez son URL dans le profil, ou utilisez « Dossier de demande… » et la page de demande DINAMIS.</translation>
    </message>
</context>
<context>
    <name>DinamisRequestBase</name>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="66"/>
        <source>Area of interest (polygon layer; all or selected features)</source>
        <translation>Zone d'intérêt (couche de polygones ; toutes les entités ou la sélection)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="73"/>
        <source>Product</source>
        <translation>Produit</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="78"/>
        <source>User type</source>
        <translation>Type d'utilisateur</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="83"/>
        <source>Institution</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="86"/>
        <source>Conditions met (e.g. french_partner=UMR TETIS; public_contract=ref)</source>
        <translation>Conditions remplies (ex. french_partner=UMR TETIS; public_contract=réf)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="93"/>
        <source>Purpose of the request</source>
        <translation>Objet de la demande</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="96"/>
        <source>Project</source>
        <translation>Projet</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="99"/>
        <source>Repair the area of interest when possible</source>
        <translation>Réparer la zone d'intérêt si possible</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="106"/>
        <source>New acquisitions: maximum cloud cover (%)</source>
        <translation>Nouvelles acquisitions : couverture nuageuse maximale (%)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="116"/>
        <source>New acquisitions: maximum incidence angle (degrees)</source>
        <translation>Nouvelles acquisitions : angle d'incidence maximal (degrés)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="126"/>
        <source>Area on the ellipsoid (km²)</source>
        <translation>Surface sur l'ellipsoïde (km²)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="129"/>
        <source>Estimated quota used</source>
        <translation>Quota consommé estimé</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="144"/>
        <source>This profile may not request this product: {0}</source>
        <translation>Ce profil ne peut pas demander ce produit : {0}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="152"/>
        <source>The area of interest layer has no polygon: draw one or select a feature.</source>
        <translation>La couche de zone d'intérêt n'a aucun polygone : dessinez-en un ou sélectionnez une entité.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="167"/>
        <source>Repaired: {0}</source>
        <translation>Réparé : {0}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="173"/>
        <source>Area {0:.2f} km², estimated quota {1:.2f} {2}</source>
        <translation>Surface {0:.2f} km², quota estimé {1:.2f} {2}</translation>
    </message>
</context>
<context>
    <name>DinamisRequestPackage</name>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="205"/>
        <source>DINAMIS request package</source>
        <translation>Dossier de demande DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="208"/>
        <source>Checks a DINAMIS request (eligibility of the user type for the product; area of interest: valid, one part, area on the WGS 84 ellipsoid within the product&apos;s minimum and maximum, vertex count, inside the product&apos;s coverage) and writes the package to attach to the DINAMIS portal&apos;s request form: the area of interest as GeoPackage, KML and zipped shapefile (EPSG:4326), request.json and a readable French/English summary with the estimated quota. The rules come from resources/dinamis_rules.json. The output folder must be new or empty; nothing is left in it if a step fails.</source>
        <translation>Vérifie une demande DINAMIS (éligibilité du type d'utilisateur pour le produit ; zone d'intérêt : valide, d'un seul tenant, surface sur l'ellipsoïde WGS 84 entre le minimum et le maximum du produit, nombre de sommets, incluse dans la couverture du produit) et écrit le dossier à joindre au formulaire de demande du portail DINAMIS : la zone d'intérêt en GeoPackage, KML et shapefile zippé (EPSG:4326), request.json et un résumé lisible français/anglais avec le quota estimé. Les règles viennent de resources/dinamis_rules.json. Le dossier de sortie doit être nouveau ou vide ; rien n'y reste si une étape échoue.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="220"/>
        <source>Request package folder</source>
        <translation>Dossier de la demande</translation>
    </message>
</context>
<context>
    <name>DinamisSearch</name>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="69"/>
        <source>Searching DINAMIS images</source>
        <translation>Recherche d'images DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="117"/>
        <source>Map extent</source>
        <translation>Emprise de la carte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="118"/>
        <source>Area of interest (drawn or selected)</source>
        <translation>Zone d'intérêt (dessinée ou sélectionnée)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="132"/>
        <source>Search area</source>
        <translation>Zone de recherche</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="133"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="134"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="135"/>
        <source>Maximum cloud cover</source>
        <translation>Couverture nuageuse maximale</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="136"/>
        <source>Maximum incidence angle</source>
        <translation>Angle d'incidence maximal</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="139"/>
        <source>Search images</source>
        <translation>Rechercher des images</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="140"/>
        <source>Cancel search</source>
        <translation>Annuler la recherche</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="147"/>
        <source>Search the DINAMIS images your profile may use.</source>
        <translation>Recherchez les images DINAMIS que votre profil peut utiliser.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="154"/>
        <source>Catalogue</source>
        <translation>Catalogue</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="154"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="154"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="154"/>
        <source>Cloud (%)</source>
        <translation>Nuages (%)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="154"/>
        <source>Incidence (°)</source>
        <translation>Incidence (°)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="154"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="170"/>
        <source>Download and load (open SPOT)</source>
        <translation>Télécharger et charger (SPOT ouvert)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="183"/>
        <source>Take or draw an area of interest first, or search the map extent.</source>
        <translation>Prenez ou dessinez d'abord une zone d'intérêt, ou recherchez sur l'emprise de la carte.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="192"/>
        <source>No map canvas: use an area of interest.</source>
        <translation>Pas de carte : utilisez une zone d'intérêt.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="218"/>
        <source>State your DINAMIS profile first (Profile…).</source>
        <translation>Indiquez d'abord votre profil DINAMIS (Profil…).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="232"/>
        <source>Searching…</source>
        <translation>Recherche en cours…</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="247"/>
        <source>Search cancelled.</source>
        <translation>Recherche annulée.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="256"/>
        <source>{0} images found.</source>
        <translation>{0} images trouvées.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="259"/>
        <source>{0} left out for cloud cover, {1} for incidence angle.</source>
        <translation>{0} écartées pour la couverture nuageuse, {1} pour l'angle d'incidence.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="265"/>
        <source>Open SPOT gives no cloud cover or incidence angle: check the quicklooks.</source>
        <translation>SPOT ouvert ne donne ni couverture nuageuse ni angle d'incidence : vérifiez les aperçus.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="272"/>
        <source>Not searched: {0}</source>
        <translation>Non recherché : {0}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="295"/>
        <source>DINAMIS images</source>
        <translation>Images DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="367"/>
        <source>Downloading open SPOT image</source>
        <translation>Téléchargement de l'image SPOT ouverte</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="374"/>
        <source>Downloaded under the open licence (Etalab): {0}</source>
        <translation>Téléchargé sous licence ouverte (Etalab) : {0}</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="349"/>
        <source>Select an open SPOT image in the list (the SPOT 6-7 STAC images are downloaded with your DINAMIS member access from the catalogue dock).</source>
        <translation>Sélectionnez une image SPOT ouverte dans la liste (les images SPOT 6-7 du STAC se téléchargent avec votre accès d'adhérent DINAMIS depuis le panneau du catalogue).</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/search_ui.py" line="90"/>
        <source>Unexpected error: {0}</source>
        <translation>Erreur inattendue : {0}</translation>
    </message>
</context>
<context>
    <name>DinamisSubmitOrder</name>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="242"/>
        <source>DINAMIS submit order</source>
        <translation>Envoyer une commande DINAMIS</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="245"/>
        <source>Checks a DINAMIS request as &apos;DINAMIS request package&apos; does, records it in the order book (a GeoPackage in your QGIS profile unless another is given) with a new idempotency key, then submits it to a REST ordering server (protocol in docs/dinamis_protocol.md). If the answer is lost the order stays pending and is checked, never sent twice, at the next refresh. Credentials come only from the chosen QGIS authentication configuration.</source>
        <translation>Vérifie une demande DINAMIS comme « Dossier de demande DINAMIS », l'inscrit au carnet de commandes (un GeoPackage de votre profil QGIS, sauf si un autre est indiqué) avec une nouvelle clé d'idempotence, puis l'envoie à un serveur de commande REST (protocole dans docs/dinamis_protocol.md). Si la réponse se perd, la commande reste en attente et est vérifiée, jamais envoyée deux fois, à l'actualisation suivante. Les identifiants viennent uniquement de la configuration d'authentification QGIS choisie.</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="255"/>
        <source>Ordering server URL</source>
        <translation>URL du serveur de commande</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="256"/>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="257"/>
        <source>Order book (GeoPackage; empty for the one in your profile)</source>
        <translation>Carnet de commandes (GeoPackage ; vide pour celui de votre profil)</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="265"/>
        <source>Order id on the server</source>
        <translation>N° de la commande sur le serveur</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="266"/>
        <source>Order status</source>
        <translation>État de la commande</translation>
    </message>
    <message>
        <location filename="../dataterra_plugin/dinamis/algorithms.py" line="286"/>
        <source>Order {0} is {1}; recorded in {2}</source>
        <translation>La commande {0} est {1} ; inscrite dans {2}</translation>
    </message>
</context>
</TS>
