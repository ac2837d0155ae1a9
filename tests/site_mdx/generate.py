"""Writes tests/site_mdx/content/blog/*.mdx: a small Next.js-style blog from three templates.

The site is built the way an automated content pipeline builds one: every post of a template shares
its section headings, a templated sentence in the introduction (with the post's topic in a slot), a
site-wide disclosure sentence and a sign-off; the topic text of each post is its own. Some posts chase
the same query with different wording, two share a title, one is a lightly edited repost, and two
share a copied paragraph. What the audit should find is in expected.json (written from this file).

Run ``python tests/site_mdx/generate.py`` to rewrite the site after editing the posts below.
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).parent
OUT = HERE / "content" / "blog"

DISCLOSURE = "This post may contain affiliate links, which means we may earn a small commission at no extra cost to you."
RECIPE_LEAD = (
    "In this recipe guide, we'll show you exactly how to make {dish} at home, step by step, with ingredients you can find anywhere."
)
RECIPE_SIGNOFF = "Thanks for cooking with us, and don't forget to share your results in the comments below!"
TRAVEL_LEAD = "Planning a trip to {city} can feel overwhelming, but this guide breaks down everything you need to know before you go."
TRAVEL_SIGNOFF = "Safe travels, and happy exploring!"
TECH_LEAD = "By the end of this tutorial, you will have a working setup for {tool} that you can reuse in every project you start."
PREREQUISITES = "You need a terminal and a text editor; the commands below were tested on Ubuntu 24.04 and macOS."
PRICES = "Prices were last checked in"
TECH_SIGNOFF = "If this tutorial helped you, subscribe to our newsletter for more guides like this one."

COPIED = (
    "Never commit a file that holds passwords or API tokens: add it to .gitignore before the first commit, "
    "keep a template with dummy values in the repository instead, and rotate any secret that was ever pushed."
)

RECIPES = [
    dict(
        slug="sourdough-bread-at-home",
        title="How to Make Sourdough Bread at Home",
        dish="sourdough bread",
        time="24 hours",
        intro="A crackling crust and an open, tangy crumb are what make sourdough bread worth the wait.",
        items=["500 g strong white flour", "350 g water", "100 g active sourdough starter", "10 g salt"],
        steps="Mix the flour and water and leave them for an hour so the gluten starts forming on its own. Add the starter and salt, then fold the dough every thirty minutes for two hours.",
        tip="A starter is ready when a spoonful floats in water.",
        more="Shape the loaf, let it prove overnight in the fridge, and bake it in a preheated Dutch oven at 250 °C, lid on for twenty minutes and off for twenty-five.",
        end="Once you have baked two or three loaves, you will know your starter's rhythm.",
    ),
    dict(
        slug="beginner-sourdough-loaf",
        title="Easy Sourdough Loaf for Beginners",
        dish="a simple sourdough loaf",
        time="a day",
        intro="Your first sourdough loaf does not need a baker's schedule, only a lively starter and a little patience.",
        items=["450 g bread flour", "50 g wholemeal flour", "375 g lukewarm water", "90 g sourdough starter", "9 g fine salt"],
        steps="Stir everything together in one bowl, cover it, and give the dough a set of stretches every half hour while it rises. Stop when it has grown by half and feels airy.",
        tip="Rice flour on the banneton keeps a wet dough from sticking.",
        more="Tip the dough out, tighten it into a round, rest it in the fridge until morning and bake it straight from cold in a very hot pot.",
        end="An imperfect first loaf still teaches you how the dough should feel.",
    ),
    dict(
        slug="dinner-party-menu-ideas",
        title="Dinner Party Menu Ideas That Impress",
        dish="a dinner party menu",
        time="an afternoon",
        intro="Hosting a dinner party is easier when every course can be made ahead and the oven is free when guests arrive.",
        items=[
            "a cold starter such as burrata with peaches",
            "a slow-braised main",
            "one green salad",
            "a dessert that sets in the fridge",
        ],
        steps="Plan the menu backwards from the time you sit down to eat. Anything braised tastes better on the second day, so cook the main the evening before the party.",
        tip="Write the timings on a sticky note inside a cupboard door.",
        more="Keep the starter cold, warm the main gently while guests have drinks, and dress the salad only at the table.",
        end="A relaxed host matters more to a dinner party than a complicated menu.",
    ),
    dict(
        slug="what-to-cook-for-a-dinner-party",
        title="What to Cook When You Host Friends for Dinner",
        dish="food for a dinner party",
        time="a few hours",
        intro="Deciding what to cook for a dinner party gets simpler once you pick one showpiece and keep everything around it plain.",
        items=["a whole roasted fish or a leg of lamb", "roast potatoes", "seasonal greens", "a bought tart with good cream"],
        steps="Choose a main course that looks generous on a platter and needs no last-minute frying. Build the sides around the oven temperature of the main.",
        tip="Ask guests about allergies when you invite them, not on the day.",
        more="Set the table before you start cooking, so the last hour before the party is only for the food.",
        end="Guests remember the evening and the company more than any single dish.",
    ),
    dict(
        slug="best-chocolate-chip-cookies",
        title="The Best Chocolate Chip Cookies",
        dish="chocolate chip cookies",
        time="45 minutes",
        intro="Crisp edges, soft middles and pools of melted chocolate: these cookies follow the classic creamed-butter method.",
        items=[
            "225 g softened butter",
            "200 g light brown sugar",
            "100 g caster sugar",
            "2 eggs",
            "300 g plain flour",
            "250 g dark chocolate chunks",
        ],
        steps="Beat the butter and both sugars until pale and fluffy, then beat in the eggs one at a time. Fold in the flour and chocolate until no streaks remain.",
        tip="Chill the dough for an hour for thicker cookies.",
        more="Scoop balls of dough onto lined trays, leaving room to spread, and bake at 180 °C for ten to twelve minutes.",
        end="Keep a log of dough in the freezer and bake a few cookies whenever you like.",
    ),
    dict(
        slug="brown-butter-cookies",
        title="The Best Chocolate Chip Cookies",
        dish="brown butter chocolate chip cookies",
        time="an hour",
        intro="Browning the butter first gives these chocolate chip cookies a toffee depth that plain butter cannot.",
        items=[
            "250 g butter, browned and cooled",
            "220 g dark muscovado sugar",
            "1 egg and 1 yolk",
            "280 g flour",
            "200 g milk chocolate, chopped",
            "flaky sea salt",
        ],
        steps="Cook the butter until it smells nutty and the solids turn golden, then let it cool. Whisk in the sugar and eggs, fold in the flour and the chocolate.",
        tip="A pinch of flaky salt on top balances the sweetness.",
        more="Rest the dough overnight so the flour hydrates, then bake in small mounds until the edges are set but the centres still look underdone.",
        end="These keep for three days in a tin, if they last that long.",
    ),
    dict(
        slug="banana-bread",
        title="Moist Banana Bread with Walnuts",
        dish="banana bread",
        time="75 minutes",
        intro="Overripe bananas with black skins are the secret to a banana bread that stays moist for days.",
        items=[
            "3 very ripe bananas",
            "75 g melted butter",
            "150 g sugar",
            "1 egg",
            "190 g flour",
            "1 tsp bicarbonate of soda",
            "80 g walnuts",
        ],
        steps="Mash the bananas with a fork and stir in the butter, sugar and egg. Fold in the flour, bicarbonate and toasted walnuts without overmixing.",
        tip="Toasting the walnuts first makes them crunchier.",
        more="Bake the batter in a lined loaf tin at 175 °C for about an hour, until a skewer comes out clean, and let it cool in the tin.",
        end="Slices freeze well and toast beautifully straight from the freezer.",
    ),
    dict(
        slug="thai-green-curry",
        title="Thai Green Curry with Chicken",
        dish="Thai green curry",
        time="40 minutes",
        intro="Fresh green curry paste, coconut milk and Thai basil make a weeknight curry that tastes like a restaurant's.",
        items=[
            "3 tbsp green curry paste",
            "400 ml coconut milk",
            "500 g chicken thighs",
            "1 aubergine",
            "fish sauce and palm sugar",
            "Thai basil",
        ],
        steps="Fry the curry paste in the thick coconut cream until the oil separates and it smells fragrant. Add the sliced chicken and aubergine, then the rest of the coconut milk.",
        tip="Season at the end with fish sauce for salt and palm sugar for balance.",
        more="Simmer gently until the chicken is cooked through, tear in the basil and serve with jasmine rice.",
        end="The paste keeps for a week in the fridge, so make a double batch.",
    ),
    dict(
        slug="roast-chicken",
        title="Perfect Sunday Roast Chicken",
        dish="a juicy roast chicken",
        time="two hours",
        intro="A dry-brined bird roasted on a bed of onions gives crisp skin and gravy that makes itself.",
        items=["1 free-range chicken, about 1.8 kg", "2 tsp salt for the dry brine", "1 lemon", "a few sprigs of thyme", "2 onions"],
        steps="Salt the chicken all over the day before and leave it uncovered in the fridge. Stuff the cavity with the halved lemon and thyme.",
        tip="Let the chicken rest for twenty minutes before carving.",
        more="Roast it on sliced onions at 200 °C for about eighty minutes, then make gravy from the juices and onions in the tin.",
        end="Leftover meat makes the best sandwiches the next day.",
    ),
    dict(
        slug="french-onion-soup",
        title="Classic French Onion Soup",
        dish="French onion soup",
        time="two and a half hours",
        intro="Onions cooked slowly for an hour turn jammy and sweet, which is all this soup really asks of you.",
        items=["1.5 kg onions", "50 g butter", "a glass of dry white wine", "1.5 l beef stock", "a baguette", "200 g Gruyère"],
        steps="Slice the onions thinly and cook them in butter over low heat, stirring now and then, until they are deep brown. Deglaze with the wine and add the stock.",
        tip="A splash of sherry vinegar at the end lifts the flavour.",
        more="Ladle the soup into ovenproof bowls, float toasted bread on top, cover with grated Gruyère and grill until bubbling.",
        end="The soup base freezes well, so cook the onions in a big batch.",
    ),
    dict(
        slug="shakshuka",
        title="Shakshuka: Eggs Poached in Spiced Tomato Sauce",
        dish="shakshuka",
        time="30 minutes",
        intro="Shakshuka is a one-pan breakfast of eggs poached in a peppery tomato sauce, loved from Tunisia to Tel Aviv.",
        items=[
            "2 red peppers",
            "1 onion",
            "2 cloves garlic",
            "1 tsp cumin and 1 tsp paprika",
            "2 tins chopped tomatoes",
            "4 to 6 eggs",
            "feta and parsley",
        ],
        steps="Soften the onion and peppers in olive oil, add the garlic and spices, then the tomatoes. Simmer until the sauce thickens.",
        tip="Make wells with a spoon so the eggs hold their shape.",
        more="Crack the eggs into the sauce, cover the pan and cook until the whites set, then crumble feta over the top.",
        end="Serve it with warm flatbread to mop up the sauce.",
    ),
    dict(
        slug="mushroom-risotto",
        title="Creamy Mushroom Risotto",
        dish="mushroom risotto",
        time="45 minutes",
        intro="Dried porcini and their soaking liquor give this risotto a deep, earthy flavour without any cream.",
        items=[
            "300 g arborio rice",
            "20 g dried porcini",
            "300 g chestnut mushrooms",
            "1 l hot vegetable stock",
            "a glass of white wine",
            "parmesan and butter",
        ],
        steps="Soak the porcini, then fry them with the sliced chestnut mushrooms until golden. Toast the rice in the same pan and add the wine.",
        tip="Keep the stock at a simmer beside the risotto pan.",
        more="Add the stock a ladle at a time, stirring, until the rice is tender but still has bite, then beat in butter and parmesan off the heat.",
        end="Leftover risotto makes excellent arancini.",
    ),
]

TRAVEL = [
    dict(
        slug="lisbon-in-three-days",
        title="Lisbon in Three Days: The Perfect Itinerary",
        city="Lisbon",
        intro="Lisbon rewards slow walkers: its hills, tiled facades and viewpoints fit neatly into three days.",
        there="The airport is twenty minutes from the centre on the red metro line, and a Viva Viagem card covers metro, trams and ferries.",
        stay="Stay in Baixa or Chiado to walk everywhere; Alfama is charming but steep with luggage.",
        eat="Start with pastéis de nata at Manteigaria, then try grilled sardines in a tasca in Alfama.",
        end="Three days is enough to see Lisbon's highlights and still leave a reason to return.",
    ),
    dict(
        slug="long-weekend-lisbon",
        title="A Long Weekend in Lisbon",
        city="Lisbon for a weekend",
        intro="A weekend in Lisbon can cover Belém's monastery, a tram ride through Alfama and sunset at a miradouro.",
        there="Trains from Cais do Sodré reach Belém in ten minutes, and tram 28 climbs through the old town.",
        stay="Boutique guesthouses in Príncipe Real are quieter than the nightlife streets of Bairro Alto.",
        eat="Book a table for bacalhau and vinho verde, and queue early at Pastéis de Belém.",
        end="Even a short weekend gives Lisbon time to win you over.",
    ),
    dict(
        slug="things-to-do-in-kyoto",
        title="Things to Do in Kyoto",
        city="Kyoto",
        intro="Kyoto has more than a thousand temples, so the trick is choosing a few and seeing them early in the morning.",
        there="The Haruka express runs from Kansai airport to Kyoto Station in about eighty minutes, and buses reach most temples.",
        stay="Ryokan in Higashiyama put you within walking distance of Kiyomizu-dera and Gion.",
        eat="Try kaiseki once, and eat your way through Nishiki Market for lunch.",
        end="Kyoto's quiet corners are worth more than its famous queues.",
    ),
    dict(
        slug="best-things-to-do-kyoto",
        title="The Best Things to Do in Kyoto",
        city="Kyoto for the first time",
        intro="Fushimi Inari's gates at dawn, the Arashiyama bamboo grove and a tea ceremony top most first-time lists for Kyoto.",
        there="A prepaid IC card works on Kyoto's buses and subways, and cycling is easy along the Kamo river.",
        stay="Hotels near Kyoto Station are practical for day trips to Nara and Osaka.",
        eat="Matcha sweets in Uji and tofu in Arashiyama are worth a detour.",
        end="Go early, go slowly, and Kyoto will feel calm even in spring.",
    ),
    dict(
        slug="iceland-ring-road",
        title="Driving Iceland's Ring Road in Ten Days",
        city="Iceland's Ring Road",
        intro="Route 1 circles Iceland in about 1,300 kilometres of waterfalls, glaciers and black-sand beaches.",
        there="Pick up a car at Keflavík, and choose a four-wheel drive only if you plan to leave the paved road.",
        stay="Book guesthouses months ahead for the east fjords, where beds are few and far between.",
        eat="Petrol-station hot dogs are a national institution; lamb soup warms you up after glacier walks.",
        end="Ten days on the Ring Road leaves time for detours when the weather turns.",
        extra="Check road.is every morning, because wind closures can shut mountain passes without warning in any season.",
    ),
    dict(
        slug="iceland-ring-road-2024",
        title="Driving Iceland's Ring Road in 10 Days (2024 Update)",
        city="Iceland's Ring Road",
        intro="Route 1 circles Iceland in about 1,300 kilometres of waterfalls, glaciers and black-sand beaches.",
        there="Pick up a car at Keflavík, and choose a four-wheel drive only if you plan to leave the paved road.",
        stay="Book guesthouses months ahead for the east fjords, where beds are few and far between.",
        eat="Petrol-station hot dogs are a national institution; lamb soup warms you up after glacier hikes.",
        end="Ten days on the Ring Road leaves time for detours when the weather turns.",
        extra="Check road.is every morning, because wind closures can shut mountain passes without warning in any season.",
    ),
    dict(
        slug="marrakech-guide",
        title="Marrakech for First-Time Visitors",
        city="Marrakech",
        intro="The medina of Marrakech is a maze of souks, riads and spice stalls that overwhelms and delights in equal measure.",
        there="Taxis from Menara airport should cost about 100 dirhams to the medina; agree the fare first.",
        stay="A riad with a courtyard pool is cooler and calmer than a hotel outside the walls.",
        eat="Eat tagine and harira at the food stalls of Jemaa el-Fnaa after dark.",
        end="Bargain with a smile and Marrakech becomes far less intimidating.",
    ),
    dict(
        slug="banff-national-park",
        title="Banff National Park Hiking Guide",
        city="Banff",
        intro="Turquoise lakes and larch valleys make Banff one of the most photographed parks in the Rockies.",
        there="Calgary airport is ninety minutes away by car, and a Parks Canada pass is needed for every vehicle.",
        stay="Canmore is cheaper than Banff town and only twenty minutes down the highway.",
        eat="Refuel with poutine after the Plain of Six Glaciers trail.",
        end="Start hikes at sunrise to beat the shuttle crowds at Moraine Lake.",
    ),
    dict(
        slug="edinburgh-weekend",
        title="Edinburgh Old Town and New Town on Foot",
        city="Edinburgh",
        intro="Edinburgh's castle, closes and Georgian crescents sit close enough to see on foot in a day or two.",
        there="The tram runs from the airport to Princes Street in half an hour.",
        stay="Stockbridge has quiet streets and good cafés a short walk from the centre.",
        eat="Try haggis at a pub on the Royal Mile and fish and chips in Leith.",
        end="Climb Arthur's Seat for the view, whatever the weather says.",
    ),
    dict(
        slug="hanoi-street-food",
        title="Hanoi Street Food and the Old Quarter",
        city="Hanoi",
        intro="Hanoi's Old Quarter packs pho stalls, bia hoi corners and motorbike traffic into thirty-six crowded streets.",
        there="Grab taxis from Noi Bai airport take about forty minutes to Hoan Kiem lake.",
        stay="Small hotels around the lake are central and cheap.",
        eat="Bun cha for lunch and egg coffee in the afternoon are local rituals.",
        end="Cross the road slowly and steadily, and the traffic will flow around you.",
    ),
    dict(
        slug="cape-town",
        title="Cape Town and the Cape Peninsula",
        city="Cape Town",
        intro="Table Mountain, penguin beaches and winelands all lie within an hour of Cape Town's waterfront.",
        there="Rent a car to drive Chapman's Peak and reach Boulders Beach at your own pace.",
        stay="Sea Point and Green Point are safe, walkable and close to the promenade.",
        eat="Book a wine-farm lunch in Constantia and try bobotie at least once.",
        end="Check the wind forecast before taking the cable car up the mountain.",
    ),
    dict(
        slug="oaxaca-food",
        title="Oaxaca City Markets and Mezcal",
        city="Oaxaca",
        intro="Oaxaca is the home of seven moles, smoky mezcal and some of Mexico's liveliest markets.",
        there="Flights from Mexico City take an hour, and colectivo taxis reach Monte Albán from the centre.",
        stay="Jalatlaco's colourful streets are quiet and close to the zócalo.",
        eat="Tlayudas at night and chocolate with pan de yema for breakfast are musts.",
        end="Visit a small palenque to taste mezcal where it is made.",
    ),
]

TECH = [
    dict(
        slug="python-virtual-environment",
        title="How to Set Up a Python Virtual Environment",
        tool="Python virtual environments",
        intro="A virtual environment keeps each project's Python packages apart, so upgrading one project never breaks another.",
        steps=[
            "Run `python3 -m venv .venv` in the project folder.",
            "Activate it with `source .venv/bin/activate`.",
            "Install packages with pip; they land inside `.venv`.",
        ],
        code="python3 -m venv .venv\nsource .venv/bin/activate\npip install -r requirements.txt",
        trouble="If activation fails on Windows, run `.venv\\Scripts\\activate` from PowerShell after allowing local scripts.",
    ),
    dict(
        slug="python-venv-guide",
        title="Creating Isolated Python Environments with venv",
        tool="isolated Python environments",
        intro="The venv module ships with Python, so an isolated environment for a project is one command away.",
        steps=[
            "Create the environment with the venv module.",
            "Point your editor's interpreter at the environment's python.",
            "Freeze the dependencies into a requirements file.",
        ],
        code="python -m venv env\n. env/bin/activate\npip freeze > requirements.txt",
        trouble="Delete and recreate the environment after upgrading Python; a venv is tied to the interpreter that made it.",
    ),
    dict(
        slug="docker-compose-beginners",
        title="Docker Compose for Beginners",
        tool="Docker Compose",
        intro="Docker Compose describes an app's containers, networks and volumes in one YAML file you can start with a single command.",
        steps=[
            "Write a `compose.yaml` with one service per container.",
            "Start everything with `docker compose up -d`.",
            "Follow the logs with `docker compose logs -f`.",
        ],
        code="services:\n  web:\n    build: .\n    ports: ['8000:8000']\n  db:\n    image: postgres:16",
        trouble="Containers that cannot reach each other usually use `localhost` instead of the service name.",
        copied=True,
    ),
    dict(
        slug="getting-started-docker-compose",
        title="Getting Started with Docker Compose",
        tool="a multi-container app with Compose",
        intro="With Compose, a web server, a database and a cache start together from one declarative file.",
        steps=[
            "Define the web, database and cache services.",
            "Declare a named volume for the database.",
            "Bring the stack up and check it with `docker compose ps`.",
        ],
        code="services:\n  app:\n    image: node:20\n  redis:\n    image: redis:7\nvolumes:\n  data: {}",
        trouble="Rebuild images with `docker compose build --no-cache` when a dependency change is not picked up.",
    ),
    dict(
        slug="git-rebase-interactive",
        title="Cleaning Up Commits with Interactive Rebase",
        tool="interactive git rebase",
        intro="Interactive rebase lets you squash, reorder and reword commits before a pull request is reviewed.",
        steps=[
            "Run `git rebase -i HEAD~5`.",
            "Mark commits as squash or fixup in the editor.",
            "Force-push the branch with `--force-with-lease`.",
        ],
        code="git rebase -i HEAD~5\ngit push --force-with-lease",
        trouble="If a rebase goes wrong, `git rebase --abort` restores the branch, and `git reflog` finds lost commits.",
    ),
    dict(
        slug="nginx-reverse-proxy",
        title="Nginx as a Reverse Proxy for a Node App",
        tool="an Nginx reverse proxy",
        intro="Putting Nginx in front of a Node server handles TLS, compression and static files so the app does not have to.",
        steps=[
            "Install Nginx and create a server block.",
            "Forward requests with `proxy_pass` to the app's port.",
            "Reload with `nginx -s reload` after `nginx -t` passes.",
        ],
        code="location / {\n    proxy_pass http://127.0.0.1:3000;\n    proxy_set_header Host $host;\n}",
        trouble="A 502 Bad Gateway means Nginx cannot reach the upstream: check that the app listens on the proxied port.",
    ),
    dict(
        slug="react-useeffect",
        title="Understanding the React useEffect Hook",
        tool="React's useEffect hook",
        intro="useEffect runs code after React renders, which is where subscriptions, timers and data fetching belong.",
        steps=[
            "List every value the effect reads in its dependency array.",
            "Return a cleanup function for timers and subscriptions.",
            "Move derived values out of effects into plain variables.",
        ],
        code="useEffect(() => {\n  const id = setInterval(tick, 1000);\n  return () => clearInterval(id);\n}, [tick]);",
        trouble="An effect that runs in a loop usually sets state that is also one of its own dependencies.",
    ),
    dict(
        slug="postgres-backups",
        title="Automating PostgreSQL Backups with pg_dump",
        tool="nightly PostgreSQL backups",
        intro="pg_dump writes a consistent snapshot of a PostgreSQL database without stopping writes.",
        steps=[
            "Dump with `pg_dump -Fc` for a compressed custom-format archive.",
            "Schedule it nightly and keep a week of archives.",
            "Test a restore with `pg_restore` into a scratch database.",
        ],
        code="pg_dump -Fc mydb > mydb-$(date +%F).dump\npg_restore -d scratch mydb-2024-05-01.dump",
        trouble="A backup you have never restored is only a hope: rehearse the restore every month.",
    ),
    dict(
        slug="ssh-keys",
        title="Generating SSH Keys and Using ssh-agent",
        tool="SSH key authentication",
        intro="SSH keys replace passwords with a key pair, and ssh-agent keeps the unlocked key in memory for the session.",
        steps=[
            "Generate an Ed25519 key with `ssh-keygen -t ed25519`.",
            "Copy the public key with `ssh-copy-id`.",
            "Add the key to the agent with `ssh-add`.",
        ],
        code="ssh-keygen -t ed25519 -C 'me@laptop'\nssh-copy-id user@server\nssh-add ~/.ssh/id_ed25519",
        trouble="Permissions too open on `~/.ssh` make the server ignore the key; set the folder to 700.",
    ),
    dict(
        slug="cron-jobs",
        title="Scheduling Tasks with Cron on Linux",
        tool="cron scheduling",
        intro="Cron runs commands on a schedule written as five time fields, from every minute to once a year.",
        steps=[
            "Open your crontab with `crontab -e`.",
            "Write the schedule and an absolute path to the command.",
            "Redirect output to a log file to see failures.",
        ],
        code="# every day at 02:30\n30 2 * * * /usr/local/bin/backup.sh >> /var/log/backup.log 2>&1",
        trouble="Jobs that work in a shell but not in cron usually depend on environment variables cron does not set.",
    ),
    dict(
        slug="env-variables-node",
        title="Managing Environment Variables in Node.js",
        tool="environment variables in Node.js",
        intro="Configuration that changes between machines, such as database URLs and API keys, belongs in environment variables.",
        steps=[
            "Read values from `process.env` at start-up.",
            "Load a local `.env` file with dotenv in development only.",
            "Fail fast when a required variable is missing.",
        ],
        code="import 'dotenv/config';\nconst url = process.env.DATABASE_URL;\nif (!url) throw new Error('DATABASE_URL is not set');",
        trouble="Variables set in one terminal are not visible to a process started from another.",
        copied=True,
    ),
]


def recipe(p: dict, n: int) -> str:
    items = "\n".join(f"- {i}" for i in p["items"])
    return f"""---
title: "{p["title"]}"
description: "{p["intro"]}"
date: 2024-03-{n + 1:02d}
tags: [recipes]
---
import {{ Callout }} from '@/components/Callout'
import RecipeCard from '@/components/RecipeCard'

# {p["title"]}

{DISCLOSURE} {p["intro"]} {RECIPE_LEAD.format(dish=p["dish"])}

<RecipeCard servings={{4}} time="{p["time"]}" />

## Ingredients

{items}

## Instructions

{p["steps"]}

<Callout type="tip">
  {p["tip"]}
</Callout>

{p["more"]}

## Conclusion

{p["end"]} {RECIPE_SIGNOFF}
"""


def travel(p: dict, n: int) -> str:
    extra = f"\n{p['extra']}\n" if p.get("extra") else ""
    return f"""---
title: "{p["title"]}"
description: "{p["intro"]}"
date: 2024-04-{n + 1:02d}
category: travel
---
import Map from '@/components/Map'
export const coords = {{ zoom: 11 }}

{DISCLOSURE} {TRAVEL_LEAD.format(city=p["city"])} {p["intro"]}

<Map zoom={{coords.zoom}} label="{p["city"]}" />

## Getting There

{p["there"]}
{extra}
## Where to Stay

<Callout type="info" title={{`Stay in ${{"{p["city"]}"}}`}}>
    {p["stay"]}
</Callout>

## What to Eat

{p["eat"]} {PRICES} {{props.updated}}.

## Conclusion

{p["end"]}

{TRAVEL_SIGNOFF}
"""


def tech(p: dict, n: int) -> str:
    steps = "\n".join(f"  <Step>{s}</Step>" for s in p["steps"])
    copied = f"\n{COPIED}\n" if p.get("copied") else ""
    return f"""---
title: "{p["title"]}"
description: "{p["intro"]}"
date: 2024-05-{n + 1:02d}
---
import {{ Steps, Step }} from '@/components/Steps'
import {{ Callout }} from '@/components/Callout'

{DISCLOSURE} {p["intro"]} {TECH_LEAD.format(tool=p["tool"])}

## Prerequisites

{PREREQUISITES}

## Step by Step

<Steps>
{steps}
</Steps>

```jsx
// the same steps in the docs site's own component
<Steps>
  <Step>Install the tools.</Step>
</Steps>
```

```
{p["code"]}
```
{copied}
## Troubleshooting

<Callout type="warning">
  {p["trouble"]}
</Callout>

## Conclusion

{TECH_SIGNOFF}
"""


GROUPS = [
    ["sourdough-bread-at-home", "beginner-sourdough-loaf"],
    ["dinner-party-menu-ideas", "what-to-cook-for-a-dinner-party"],
    ["best-chocolate-chip-cookies", "brown-butter-cookies"],
    ["lisbon-in-three-days", "long-weekend-lisbon"],
    ["things-to-do-in-kyoto", "best-things-to-do-kyoto"],
    ["iceland-ring-road", "iceland-ring-road-2024"],
    ["python-virtual-environment", "python-venv-guide"],
    ["docker-compose-beginners", "getting-started-docker-compose"],
]


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.mdx"):
        old.unlink()
    for make, posts in ((recipe, RECIPES), (travel, TRAVEL), (tech, TECH)):
        for n, p in enumerate(posts):
            (OUT / f"{p['slug']}.mdx").write_text(make(p, n), encoding="utf-8")
    expected = {
        "documents": len(RECIPES) + len(TRAVEL) + len(TECH),
        "near_duplicates": [["iceland-ring-road", "iceland-ring-road-2024"]],
        # paragraphs copied between these articles (the repost shares its unchanged paragraphs)
        "copied_blocks": [["docker-compose-beginners", "env-variables-node"], ["iceland-ring-road", "iceland-ring-road-2024"]],
        "cannibalisation": GROUPS,
        "template_chrome": [
            {"text": DISCLOSURE, "position": "lead", "documents": len(RECIPES) + len(TRAVEL) + len(TECH)},
            {"text": RECIPE_LEAD.split("{dish}")[0], "position": "lead", "documents": len(RECIPES)},
            {"text": RECIPE_LEAD.split("{dish}")[1], "position": "lead", "documents": len(RECIPES)},
            {"text": RECIPE_SIGNOFF, "position": "sign-off", "documents": len(RECIPES)},
            {"text": TRAVEL_LEAD.split("{city}")[1], "position": "lead", "documents": len(TRAVEL)},
            {"text": TRAVEL_SIGNOFF, "position": "sign-off", "documents": len(TRAVEL)},
            {"text": TECH_LEAD.split("{tool}")[0], "position": "lead", "documents": len(TECH)},
            {"text": TECH_LEAD.split("{tool}")[1], "position": "lead", "documents": len(TECH)},
            {"text": TECH_SIGNOFF, "position": "sign-off", "documents": len(TECH)},
            # template text outside leads and sign-offs: a fixed paragraph and a sentence around an expression
            {"text": PREREQUISITES, "position": "body", "documents": len(TECH)},
            {"text": PRICES, "position": "body", "documents": len(TRAVEL)},
        ],
        "shared_headings": [
            "Ingredients",
            "Instructions",
            "Conclusion",
            "Getting There",
            "Where to Stay",
            "What to Eat",
            "Prerequisites",
            "Step by Step",
            "Troubleshooting",
        ],
    }
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
