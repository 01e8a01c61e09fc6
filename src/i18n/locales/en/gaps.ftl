# gaps
gaps-holder-wrong-side = holder on the wrong side
gaps-lapses = lapses
gaps-basis-not-force = basis not in force
gaps-outside-document-s-jurisdiction = outside the document's jurisdiction
gaps-give-function-standing-body-extend = give the function to a standing body, or extend the holder or its basis (机构跟着项目走)
gaps-cite-document-force-for-those = cite a document in force for those years, or limit the scope's years
gaps-give-duty-basis-holder-bound = give the duty a basis the holder is bound by (its own or a higher organ's document), or record it as an agreement
gaps-document-art-article = { $document } art { $article }
gaps-c-stops-holding-c-for = `{ $c }` stops holding `{ $c2 }` for { $label } { $when } ({ $ceased }), while the scope continues { $after }
gaps-c-holds-c-for-label = `{ $c }` holds `{ $c2 }` for { $label } on the basis of { $h }, which is not in force { $missing } (it { $when })
gaps-actor-holds-f-for-label = `{ $actor }` holds `{ $f }` for { $label } on the basis of { $h }, which binds only within `{ $territory }`: it cannot bind `{ $actor }`, so the duty is political basis at most
gaps-imprecise-pairing = imprecise pairing
gaps-give-pair-block-missing = give the pair a block: {"{"} { $missing } {"}"}
gaps-label-has-no-missing-imprecise = { $label } has no { $missing } (精准支援: imprecise pairing)
gaps-function-unheld = function unheld
gaps-several-leads = several leads
gaps-political-responsibility-only = political responsibility only
gaps-no-lead = no lead
gaps-no-kind = no { $kind }
gaps-assign-document-responsible-duty-actor = assign it in the document responsible: `duty ACTOR holds { $fname } { $how } as lead`
gaps-keep-one-lead-make-others = keep one lead and make the others `as support`, or split the function
gaps-give-legal-basis-duty-law = give it a legal basis: a duty in a law, administrative or local regulation, or government rule
gaps-mark-body-responsible-as-lead = mark the body responsible `as lead`
gaps-function-value = function `{ $value }`
gaps-no-one-holds-fname-place = no one holds `{ $fname }`{ $place } of { $label } in { $unheld }
gaps-value-place-label-has-several = `{ $value }`{ $place } of { $label } has several leads { $several }: { $names } (多头)
gaps-value-place-label-has-only = `{ $value }`{ $place } of { $label } has only political basis { $political } (policy documents, agreements, minutes or no document): no law, regulation or rule assigns it
gaps-value-place-label-has-holders = `{ $value }`{ $place } of { $label } has holders but no lead { $no_lead }: { $names }
gaps-value-place-label-needs-value = `{ $value }`{ $place } of { $label } needs { $value2 } as holder, but { $wrong } only { $who } { $hold } it
gaps-fname-central-function-actor-not = `{ $fname }` is a central function, and `{ $actor }` is not a central body
gaps-within-supporter-supporter = within the supporter { $supporter }
gaps-within-recipient-recipient = within the recipient { $recipient }
gaps-within-supporter-recipient = within { $supporter } or { $recipient }
gaps-actor-holds-fname-for-label = `{ $actor }` holds `{ $fname }` for { $label }, but it does not lie { $side }
gaps-actor-no-side-fname-needs = `{ $actor }` is on no side `{ $fname }` needs
gaps-basis-h-ends-d = its basis, { $h }, ends on { $d }
gaps-c-ceases-u = `{ $c }` ceases on { $u }
gaps-after-last = after { $last }
gaps-from-u = from { $u }
gaps-takes-effect-e = takes effect on { $e }
gaps-replaced-by-o-end = is replaced by `{ $o }` on { $end }
gaps-expires-end = expires on { $end }
gaps-before-scope-began = before the scope began
gaps-not-force = is not in force
gaps-give-duty-central-body-level = give the duty to a central body (`level: central`)
gaps-give-duty-body-side-serves = give the duty to a body of the side it serves, or link the holder with `region:`/`of:`
gaps-central-side = on the central side
gaps-supporter-side = on the supporter side
gaps-recipient-side = on the recipient side
gaps-program-name = program { $name }
gaps-pair-supporter-recipient-program = pair { $supporter } -> { $recipient } in { $program }
gaps-for-program-scope = for program { $scope }
gaps-for-label = for { $label }
gaps-give-function-body-kind-kind = give the function to a body of kind `{ $kind }`
gaps-give-function-standing-office-kind = give the function to a standing office (`kind: office`) — 缺躯: no standing office
gaps-up-b = up to { $b }
gaps-from = from { $a } on
gaps-message = in { $a }
gaps-b = in { $a }–{ $b }
gaps-until-b = until { $b }
gaps-no-year = in no year
gaps-every-year = in every year
gaps-asked-on = on { $date }
gaps-asked-in = in { $year }
gaps-inactive-year = no program or pair is active { $asked }, so there is nothing to look for gaps in (they are active { $active })
gaps-duty-held-until = the duty is held until { $until }
gaps-kind-with-article = { $kind ->
        [office] an office
        [enterprise] an enterprise
        [organization] an organization
        [agency] an agency
       *[other] a { $kind }
    }
