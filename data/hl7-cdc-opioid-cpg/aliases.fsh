// QICore Profiles
Alias:   $QICoreCarePlan                        = http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-careplan
Alias:   $QICoreConditionEncounterDiagnosis     = http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-condition-encounter-diagnosis
Alias:   $QICoreConditionProblemsHealthConcerns = http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-condition-problems-health-concerns
Alias:   $QICoreEncounter                       = http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-encounter
Alias:   $QICoreMedicationRequest               = http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-medicationrequest
Alias:   $QICoreObservation                     = http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-observation-lab
Alias:   $QICorePatient                         = http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-patient
Alias:   $QICoreProcedure                       = http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-procedure

// USCore Profiles
Alias:   $USCoreMedication        = http://hl7.org/fhir/us/core/StructureDefinition/us-core-medication
Alias:   $USCoreSimpleObservation = http://hl7.org/fhir/us/core/StructureDefinition/us-core-simple-observation

// Terminology
Alias:   $AmphetamineUDSVS            = http://fhir.org/guides/cdc/opioid-cds/ValueSet/amphetamine-urine-drug-screening-tests
Alias:   $BarbiturateUDSVS            = http://fhir.org/guides/cdc/opioid-cds/ValueSet/barbiturate-urine-drug-screening-tests
Alias:   $BenzodiazepineUDSVS         = http://fhir.org/guides/cdc/opioid-cds/ValueSet/benzodiazepine-urine-drug-screening-tests
Alias:   $BuprenorphineUDSVS          = http://fhir.org/guides/cdc/opioid-cds/ValueSet/buprenorphine-urine-drug-screening-tests
Alias:   $CannabinoidUDSVS            = http://fhir.org/guides/cdc/opioid-cds/ValueSet/cannabinoid-urine-drug-screening-tests
Alias:   $CocaineUDSVS                = http://fhir.org/guides/cdc/opioid-cds/ValueSet/cocaine-urine-drug-screening-tests
Alias:   $FentanylUDSVS               = http://fhir.org/guides/cdc/opioid-cds/ValueSet/fentanyl-type-urine-drug-screening-tests
Alias:   $HeroinUDSVS                 = http://fhir.org/guides/cdc/opioid-cds/ValueSet/heroin-urine-drug-screening-tests
Alias:   $MethadoneUDSVS              = http://fhir.org/guides/cdc/opioid-cds/ValueSet/methadone-urine-drug-screening-tests
Alias:   $OpiateUDSVS                 = http://fhir.org/guides/cdc/opioid-cds/ValueSet/general-opiate-urine-drug-screening-tests
Alias:   $OxycodoneUDSVS              = http://fhir.org/guides/cdc/opioid-cds/ValueSet/oxycodone-urine-drug-screening-tests
Alias:   $PCPUDSVS                    = http://fhir.org/guides/cdc/opioid-cds/ValueSet/phencyclidine-urine-drug-screening-tests
Alias:   $MalignantCancerVS           = http://fhir.org/guides/cdc/opioid-cds/ValueSet/cdc-malignant-cancer-conditions
Alias:   $EndOfLifeConditionsVS       = http://fhir.org/guides/cdc/opioid-cds/ValueSet/conditions-likely-terminal-for-opioid-prescribing
Alias:   $OpioidMedicationVS          = http://fhir.org/guides/cdc/opioid-cds/ValueSet/opioid-analgesics-with-ambulatory-misuse-potential
Alias:   $SickleCellDiseaseVS         = http://fhir.org/guides/cdc/opioid-cds/ValueSet/sickle-cell-diseases
Alias:   $PainManagementProcedureVS   = http://fhir.org/guides/cdc/opioid-cds/ValueSet/pain-management-procedure
Alias:   $PainTreatmentPlanVS         = http://fhir.org/guides/cdc/opioid-cds/ValueSet/pain-treatment-plan
Alias:   $ExtendedReleaseOpioidVS     = http://fhir.org/guides/cdc/opioid-cds/ValueSet/extended-release-opioid-with-ambulatory-misuse-potential
Alias:   $OpioidMisuseAssessmentVS    = http://fhir.org/guides/cdc/opioid-cds/ValueSet/opioid-misuse-assessment-procedure
Alias:   $PDMPReviewProcedureVS       = http://fhir.org/guides/cdc/opioid-cds/ValueSet/pdmp-review-procedure
Alias:   $PDMPDataReviewedVS          = http://fhir.org/guides/cdc/opioid-cds/ValueSet/pdmp-data-reviewed-finding
Alias:   $CNSDepressantMedicationVS   = http://fhir.org/guides/cdc/opioid-cds/ValueSet/cns-depressant-medications
Alias:   $AmphetamineMedicationsVS    = http://fhir.org/guides/cdc/opioid-cds/ValueSet/amphetamines-class-medications
Alias:   $BarbiturateMedicationsVS    = http://fhir.org/guides/cdc/opioid-cds/ValueSet/barbiturate-medications
Alias:   $BenzodiazepineMedicationsVS = http://fhir.org/guides/cdc/opioid-cds/ValueSet/benzodiazepine-medications
Alias:   $BuprenorphineMedicationsVS  = http://fhir.org/guides/cdc/opioid-cds/ValueSet/buprenorphine-medications
Alias:   $FentanylMedicationsVS       = http://fhir.org/guides/cdc/opioid-cds/ValueSet/fentanyl-type-medications
Alias:   $MethadoneMedicationsVS      = http://fhir.org/guides/cdc/opioid-cds/ValueSet/methadone-medications
Alias:   $NaloxoneMedicationsVS       = http://fhir.org/guides/cdc/opioid-cds/ValueSet/naloxone-medications
Alias:   $OpiateMedicationsVS         = http://fhir.org/guides/cdc/opioid-cds/ValueSet/non-synthetic-opioid-medications
Alias:   $OxycodoneMedicationsVS      = http://fhir.org/guides/cdc/opioid-cds/ValueSet/oxycodone-medications